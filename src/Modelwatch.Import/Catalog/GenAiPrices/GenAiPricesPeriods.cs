using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.GenAiPrices;

/// <summary>
/// A model's <c>prices</c>: one price object (→ one period, <see cref="PricePeriod.EffectiveFrom"/> null) or a list of
/// conditional prices. genai-prices tries the list last to first and uses the last whose constraint holds, falling
/// back to the one entry without a constraint. Constraint shapes and what becomes of them:
/// <list type="bullet">
/// <item>none: the prices before the first dated change → the first period, <see cref="PricePeriod.EffectiveFrom"/> null
/// (“since before the dates that follow”, not “today”);</item>
/// <item><c>{start_date}</c>: a price change on that date → a period from that date (they must come after the
/// unconstrained entry, in ascending order, or the list means something periods cannot say);</item>
/// <item><c>{start_time, end_time}</c>: a daily window (DeepSeek's off-peak discount). Periods have no time of day, so
/// the price that holds for most of the day is kept and the other is reported as not stored.</item>
/// </list>
/// Anything else is a bad record.
/// </summary>
internal static partial class GenAiPricesPeriods
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>The periods, oldest first, or null with the reasons in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<PricePeriod>? Read(JsonElement prices, string path, RecordProblems problems)
    {
        if (prices.ValueKind == JsonValueKind.Object)
        {
            return GenAiPricesPrices.Read(prices, path, problems) is { } single ? [new PricePeriod(null, single)] : null;
        }

        if (prices.ValueKind != JsonValueKind.Array || prices.GetArrayLength() == 0)
        {
            problems.Unexpected(path, "an object of prices or a non-empty list of conditional prices", prices);
            return null;
        }

        var errorsBefore = problems.Errors;
        var entries = new List<Conditional>();
        var index = 0;
        foreach (var item in prices.EnumerateArray())
        {
            if (ReadConditional(item, CatalogJson.Index(path, index++), problems) is { } entry)
            {
                entries.Add(entry);
            }
        }

        if (problems.Errors > errorsBefore)
        {
            return null;
        }

        return Arrange(entries, path, problems);
    }

    private static List<PricePeriod>? Arrange(List<Conditional> entries, string path, RecordProblems problems)
    {
        var unconstrained = entries.Where(e => e.Kind == ConstraintKind.None).ToList();
        if (unconstrained.Count != 1)
        {
            problems.Bad(path, string.Create(CultureInfo.InvariantCulture, $"expected exactly one price without a constraint, found {unconstrained.Count}"));
            return null;
        }

        if (entries[0].Kind != ConstraintKind.None)
        {
            // Tried last to first, the always-true entry would hide every constrained entry listed before it.
            problems.Bad(unconstrained[0].Location, "the price without a constraint must come first; constrained prices before it never apply");
            return null;
        }

        var daily = entries.Where(e => e.Kind == ConstraintKind.TimeOfDay).ToList();
        var dated = entries.Where(e => e.Kind == ConstraintKind.StartDate).ToList();
        if (daily.Count > 0)
        {
            if (daily.Count > 1 || dated.Count > 0)
            {
                problems.Bad(daily[0].Location, "only one daily price window, and no dated prices beside it, can be read");
                return null;
            }

            return [new PricePeriod(null, KeepMostOfDay(unconstrained[0], daily[0], problems))];
        }

        for (var i = 1; i < dated.Count; i++)
        {
            if (dated[i].StartDate <= dated[i - 1].StartDate)
            {
                problems.Bad(dated[i].Location, "start dates must ascend in list order (genai-prices uses the last that has begun)");
                return null;
            }
        }

        return [new PricePeriod(null, unconstrained[0].Prices), .. dated.Select(d => new PricePeriod(d.StartDate, d.Prices))];
    }

    /// <summary>Of the default and the daily-window prices, the ones that apply for more of the day (the default on a tie).</summary>
    private static TokenPrices KeepMostOfDay(Conditional fallback, Conditional window, RecordProblems problems)
    {
        var length = window.End - window.Start;
        if (length < TimeSpan.Zero)
        {
            length += Day;
        }

        var windowText = $"{Clock(window.Start)}–{Clock(window.End)} UTC";
        var restText = $"{Clock(window.End)}–{Clock(window.Start)} UTC";
        var windowWins = length > Day - length;
        var (kept, keptWhen, keptLength, lost, lostWhen) = windowWins
            ? (window.Prices, windowText, length, fallback.Prices, restText)
            : (fallback.Prices, restText, Day - length, window.Prices, windowText);
        problems.NotStored(
            CatalogJson.Member(window.Location, "constraint"),
            string.Create(CultureInfo.InvariantCulture,
                $"prices by time of day cannot be stored: kept the prices for {keptWhen} ({keptLength.TotalHours:0.##} h a day); not stored: {Describe(lost)} per million for {lostWhen}"));
        return kept;
    }

    private static Conditional? ReadConditional(JsonElement item, string location, RecordProblems problems)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("prices", out var pricesValue))
        {
            problems.Unexpected(location, "{constraint, prices}", item);
            return null;
        }

        var prices = GenAiPricesPrices.Read(pricesValue, CatalogJson.Member(location, "prices"), problems);
        if (!JsonValues.TryMember(item, "constraint", out var constraint))
        {
            return prices is null ? null : new Conditional(location, ConstraintKind.None, prices);
        }

        var constraintLocation = CatalogJson.Member(location, "constraint");
        if (constraint.ValueKind == JsonValueKind.Object && constraint.GetPropertyCount() == 1 && constraint.TryGetProperty("start_date", out var startDate))
        {
            var date = JsonValues.Date(startDate, CatalogJson.Member(constraintLocation, "start_date"), problems);
            return prices is null || date is null ? null : new Conditional(location, ConstraintKind.StartDate, prices) { StartDate = date.Value };
        }

        if (constraint.ValueKind == JsonValueKind.Object && constraint.GetPropertyCount() == 2 &&
            constraint.TryGetProperty("start_time", out var startTime) && constraint.TryGetProperty("end_time", out var endTime))
        {
            var start = TimeOfDay(startTime, CatalogJson.Member(constraintLocation, "start_time"), problems);
            var end = TimeOfDay(endTime, CatalogJson.Member(constraintLocation, "end_time"), problems);
            if (start is not null && start == end)
            {
                problems.Bad(constraintLocation, "start_time equals end_time: the window is empty or the whole day");
                return null;
            }

            return prices is null || start is null || end is null
                ? null
                : new Conditional(location, ConstraintKind.TimeOfDay, prices) { Start = start.Value, End = end.Value };
        }

        problems.Unexpected(constraintLocation, "{start_date} or {start_time, end_time}", constraint);
        return null;
    }

    /// <summary>A time of day with its offset (<c>00:30:00Z</c>, <c>08:30+08:00</c>) as time since midnight UTC.</summary>
    private static TimeSpan? TimeOfDay(JsonElement value, string location, RecordProblems problems)
    {
        if (value.ValueKind == JsonValueKind.String && TimeWithOffset().Match(value.GetString()!) is { Success: true } m)
        {
            var local = new TimeSpan(Number(m, "h"), Number(m, "m"), m.Groups["s"].Success ? Number(m, "s") : 0);
            var offset = m.Groups["tz"].Value == "Z"
                ? TimeSpan.Zero
                : (m.Groups["tz"].Value[0] == '-' ? -1 : 1) * new TimeSpan(Number(m, "oh"), Number(m, "om"), 0);
            var utc = local - offset;
            return utc < TimeSpan.Zero ? utc + Day : utc >= Day ? utc - Day : utc;
        }

        problems.Unexpected(location, "a time of day with its offset, like 00:30:00Z", value);
        return null;
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Clock(TimeSpan t) => t.ToString(t.Seconds == 0 ? @"hh\:mm" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static string Describe(TokenPrices p) => string.Join(", ", new[]
    {
        p.Input is { } i ? FormattableString.Invariant($"input {i}") : null,
        p.Output is { } o ? FormattableString.Invariant($"output {o}") : null,
        p.CacheRead is { } r ? FormattableString.Invariant($"cache read {r}") : null,
        p.CacheWrite is { } w ? FormattableString.Invariant($"cache write {w}") : null,
    }.OfType<string>());

    [GeneratedRegex(@"^(?<h>[01][0-9]|2[0-3]):(?<m>[0-5][0-9])(?::(?<s>[0-5][0-9])(?:\.[0-9]{1,6})?)?(?<tz>Z|[+-](?<oh>[01][0-9]|2[0-3]):(?<om>[0-5][0-9]))$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeWithOffset();

    private enum ConstraintKind
    {
        None,
        StartDate,
        TimeOfDay,
    }

    private sealed record Conditional(string Location, ConstraintKind Kind, TokenPrices Prices)
    {
        public DateOnly StartDate { get; init; }

        public TimeSpan Start { get; init; }

        public TimeSpan End { get; init; }
    }
}
