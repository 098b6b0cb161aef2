using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>
/// Upserts one source's offerings by (provider, provider's model id) and their price periods. Existing offerings and
/// prices of the source are read once into dictionaries: a batch has thousands of offerings.
/// </summary>
internal sealed class OfferingWriter
{
    private readonly ImportContext _context;
    private readonly Dictionary<(string Provider, string ProviderModelId), Offering> _existing;
    private readonly ILookup<long, PriceRow> _prices;
    private readonly HashSet<(string, string)> _seen = [];

    private OfferingWriter(ImportContext context, Dictionary<(string, string), Offering> existing, ILookup<long, PriceRow> prices)
    {
        _context = context;
        _existing = existing;
        _prices = prices;
    }

    public KindCounter Offerings { get; } = new();

    public KindCounter Prices { get; } = new();

    public static async Task<OfferingWriter> LoadAsync(ImportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var source = context.Source;
        var offerings = await db.Offerings.AsNoTracking().Where(o => o.Source == source).ToListAsync(ct).ConfigureAwait(false);
        var prices = await db.Prices.AsNoTracking()
            .Where(p => db.Offerings.Any(o => o.Id == p.OfferingId && o.Source == source))
            .ToListAsync(ct).ConfigureAwait(false);
        return new OfferingWriter(context, offerings.ToDictionary(o => (o.Provider, o.ProviderModelId)), prices.ToLookup(p => p.OfferingId));
    }

    public void Write(SourceOffering offering, ModelLink? link, int index)
    {
        if (!_seen.Add((offering.Provider, offering.ProviderModelId)))
        {
            _context.Problems.Add(new RecordProblem(
                $"offerings[{index}] {offering.Provider}/{offering.ProviderModelId}",
                "a second offering with the same provider and provider id; the first one was kept"));
            return;
        }

        if (!_existing.TryGetValue((offering.Provider, offering.ProviderModelId), out var row))
        {
            row = new Offering { Source = _context.Source, Provider = offering.Provider, ProviderModelId = offering.ProviderModelId };
            SetColumns(row, offering, link);
            foreach (var period in PricePeriods.Rows(offering.Prices, _context))
            {
                row.Prices.Add(period);
                Prices.Added++;
            }

            _context.Db.Offerings.Add(row);
            Offerings.Added++;
            return;
        }

        if (SameColumns(row, offering, link))
        {
            Offerings.Unchanged++;
        }
        else
        {
            _context.Track(row);
            SetColumns(row, offering, link);
            Offerings.Changed++;
        }

        PricePeriods.Merge(row.Id, _prices[row.Id].ToList(), offering.Prices, _context, Prices);
    }

    private static bool SameColumns(Offering row, SourceOffering o, ModelLink? link) =>
        row.ModelId == link?.ModelId && row.Variant == (o.Variant ?? link?.Variant) && row.ContextWindow == o.ContextWindow &&
        row.MaxInputTokens == o.MaxInputTokens && row.MaxOutputTokens == o.MaxOutputTokens && row.Mode == o.Mode;

    private void SetColumns(Offering row, SourceOffering o, ModelLink? link)
    {
        row.ModelId = link?.ModelId;
        row.Variant = o.Variant ?? link?.Variant;
        row.ContextWindow = o.ContextWindow;
        row.MaxInputTokens = o.MaxInputTokens;
        row.MaxOutputTokens = o.MaxOutputTokens;
        row.Mode = o.Mode;
        row.ImportRunId = _context.Run.Id;
    }
}
