using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Price history. An undated period (a source with only today's prices) is compared with the open period: equal
/// prices change nothing; different ones close it (its end is today) and open a new one from today. Dated periods
/// (genai-prices) are stored as given, each ending where the next begins, and inserted when absent. In a list that has
/// dated periods, an undated one is the price before the first date (genai-prices lists the original price without a
/// date): it starts at <see cref="SinceBeforeRecords"/>, never today, so it cannot become the current price.
/// </summary>
internal static class PricePeriods
{
    /// <summary>The start of a period whose start the source does not know; shown as "earlier".</summary>
    public static readonly DateOnly SinceBeforeRecords = DateOnly.MinValue;

    /// <summary>The rows for a new offering.</summary>
    public static List<PriceRow> Rows(IReadOnlyList<PricePeriod> periods, ImportContext context)
    {
        var rows = new List<PriceRow>();
        foreach (var (from, to, prices) in Normalise(periods, UndatedStart(periods, context.Today)))
        {
            if (rows.Any(r => r.EffectiveFrom == from))
            {
                continue;
            }

            var row = new PriceRow { EffectiveFrom = from, EffectiveTo = to, ImportRunId = context.Run.Id };
            Prices.Set(row, prices);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Applies <paramref name="periods"/> to an existing offering's stored rows.</summary>
    public static void Merge(long offeringId, List<PriceRow> stored, IReadOnlyList<PricePeriod> periods, ImportContext context, KindCounter counter)
    {
        if (periods.All(p => p.EffectiveFrom is null))
        {
            foreach (var period in periods.Take(1))
            {
                MergeUndated(offeringId, stored, period.Prices, context, counter);
            }

            return;
        }

        foreach (var (from, to, prices) in Normalise(periods, SinceBeforeRecords))
        {
            var row = stored.FirstOrDefault(r => r.EffectiveFrom == from);
            if (row is null)
            {
                row = new PriceRow { OfferingId = offeringId, EffectiveFrom = from, EffectiveTo = to, ImportRunId = context.Run.Id };
                Prices.Set(row, prices);
                context.Db.Prices.Add(row);
                stored.Add(row);
                counter.Added++;
            }
            else if (Prices.Same(row, prices) && row.EffectiveTo == to)
            {
                counter.Unchanged++;
            }
            else
            {
                context.Track(row);
                Prices.Set(row, prices);
                row.EffectiveTo = to;
                row.ImportRunId = context.Run.Id;
                counter.Changed++;
            }
        }
    }

    private static void MergeUndated(long offeringId, List<PriceRow> stored, TokenPrices prices, ImportContext context, KindCounter counter)
    {
        var open = stored.Where(r => r.EffectiveTo is null).MaxBy(r => r.EffectiveFrom);
        if (open is not null && Prices.Same(open, prices))
        {
            counter.Unchanged++;
            return;
        }

        if (open is not null && open.EffectiveFrom >= context.Today)
        {
            // Changed again on the day it opened: a period of zero days would be noise; today's prices replace it.
            context.Track(open);
            Prices.Set(open, prices);
            open.ImportRunId = context.Run.Id;
            counter.Changed++;
            return;
        }

        if (open is not null)
        {
            context.Track(open);
            open.EffectiveTo = context.Today;
            counter.Changed++;
        }

        var row = new PriceRow { OfferingId = offeringId, EffectiveFrom = context.Today, ImportRunId = context.Run.Id };
        Prices.Set(row, prices);
        context.Db.Prices.Add(row);
        stored.Add(row);
        counter.Added++;
    }

    /// <summary>Today for a source with only today's prices; <see cref="SinceBeforeRecords"/> in a dated list.</summary>
    private static DateOnly UndatedStart(IReadOnlyList<PricePeriod> periods, DateOnly today) =>
        periods.Any(p => p.EffectiveFrom is not null) ? SinceBeforeRecords : today;

    /// <summary>Periods sorted by start, undated ones starting at <paramref name="undatedStart"/>, each ending where the next starts.</summary>
    private static IEnumerable<(DateOnly From, DateOnly? To, TokenPrices Prices)> Normalise(IReadOnlyList<PricePeriod> periods, DateOnly undatedStart)
    {
        var sorted = periods
            .Select(p => (From: p.EffectiveFrom ?? undatedStart, p.Prices))
            .GroupBy(p => p.From)
            .Select(g => g.Last())
            .OrderBy(p => p.From)
            .ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            yield return (sorted[i].From, i + 1 < sorted.Count ? sorted[i + 1].From : null, sorted[i].Prices);
        }
    }
}
