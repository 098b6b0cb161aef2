using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Advisor;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Advisor;

/// <summary>
/// The issue's first "must show": on the fixture catalog and the 140k votes, no pick and no plot point breaks a hard
/// constraint — for a grid of constraints and use cases, every eligible model (the short list is asked as long as the
/// catalog), each checked against the catalog's own rows rather than against what the advisor says about itself.
/// </summary>
public sealed partial class AdvisorConstraintGridTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Long enough that every eligible model is a pick.</summary>
    private const int Everything = 10_000;

    private static readonly MonthlyBudget Budget = new(50m, 10_000_000, 2_000_000);

    private static readonly (string Name, AdvisorConstraints Constraints)[] Grid =
    [
        ("self-host", new() { SelfHost = true }),
        ("commercial", new() { Commercial = true }),
        ("self-host + commercial", new() { SelfHost = true, Commercial = true }),
        ("context ≥ 128k", new() { MinContext = 128_000 }),
        ("context ≥ 1M", new() { MinContext = 1_000_000 }),
        ("image input", new() { InputModalities = ["image"] }),
        ("tool calling", new() { ToolCalling = true }),
        ("≤ $1 per million", new() { MaxPricePerMillion = 1m }),
        ("≤ $50 a month at 10M in, 2M out", new() { Monthly = Budget }),
        ("self-host + commercial + 128k + tools", new() { SelfHost = true, Commercial = true, MinContext = 128_000, ToolCalling = true }),
        ("image + tools + ≤ $5", new() { InputModalities = ["image"], ToolCalling = true, MaxPricePerMillion = 5m }),
        ("commercial + 1M + ≤ $50 a month", new() { Commercial = true, MinContext = 1_000_000, Monthly = Budget }),
    ];

    [Theory, BothDatabases]
    public async Task No_pick_or_plot_point_breaks_a_constraint_by_the_catalogs_own_rows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider, Cancel);
        var service = new AdvisorService(database.Contexts, new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var checkedModels = 0;
        foreach (var useCase in new[] { UseCase.General, UseCase.Coding })
        {
            var unconstrained = await service.AdviseAsync(new AdvisorRequest { UseCase = useCase, Picks = Everything }, Cancel);
            foreach (var (name, constraints) in Grid)
            {
                var result = await service.AdviseAsync(new AdvisorRequest { UseCase = useCase, Constraints = constraints, Picks = Everything }, Cancel);
                await using var db = database.CreateContext();
                var rows = await CatalogRow.LoadAsync(db, result.Picks.Select(p => p.Candidate.ModelId), Cancel);
                var broken = new List<string>();
                foreach (var pick in result.Picks)
                {
                    broken.AddRange(Check(pick, rows[pick.Candidate.ModelId], constraints, result.Category).Select(b => $"{useCase}, {name}: {pick.Candidate.ModelId} {b}"));
                }

                var picked = result.Picks.Select(p => p.Candidate.ModelId).ToHashSet(StringComparer.Ordinal);
                broken.AddRange(result.Plot.Where(p => !picked.Contains(p.ModelId)).Select(p => $"{useCase}, {name}: plot point {p.ModelId} is not an eligible model"));
                Assert.True(broken.Count == 0, string.Join('\n', broken));

                // Every eligible model is a pick here; every other model of the source is excluded, with a reason.
                Assert.Equal(result.Eligible, result.Picks.Count);
                Assert.Equal(unconstrained.Eligible + unconstrained.Excluded.Count, result.Eligible + result.Excluded.Count);
                Assert.All(result.Excluded, e => Assert.NotEmpty(e.Violations));
                Assert.True(result.Eligible < unconstrained.Eligible, $"{useCase}, {name}: the constraint left out nothing ({result.Eligible} eligible), so it was not tested");
                Assert.True(result.Eligible > 0, $"{useCase}, {name}: nothing eligible, so nothing was checked");
                checkedModels += result.Picks.Count;
                TestContext.Current.TestOutputHelper?.WriteLine($"{useCase} ({result.Category}, {result.RatingSource}), {name}: {result.Eligible} eligible of {unconstrained.Eligible}, plot {result.Plot.Count}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{checkedModels} picks checked");
    }

    /// <summary>What the catalog row says against each stated constraint; empty when the pick is sound.</summary>
    private static IEnumerable<string> Check(AdvisorPick pick, CatalogRow row, AdvisorConstraints c, string category)
    {
        if (pick.Candidate.Quality is not { } quality || quality.Category != category || !double.IsFinite(quality.Rating))
        {
            yield return $"has no rating on '{category}'";
        }

        if (c.SelfHost && row.Licence is not (LicenceClass.OpenWeights or LicenceClass.OpenSource))
        {
            yield return $"is {row.Licence}: no weights to self-host";
        }

        // Commercial: proprietary (the API's terms), open source, or open weights under a named licence with no
        // non-commercial ("NC", "non-commercial") or research term. A necessary condition, simpler than the advisor's
        // table: it catches every unnamed, non-commercial or research licence the advisor might let through.
        if (c.Commercial)
        {
            var id = row.LicenceId?.ToLowerInvariant();
            var allowed = row.Licence is LicenceClass.Proprietary or LicenceClass.OpenSource
                || (row.Licence == LicenceClass.OpenWeights && id is not null && !NonCommercial().IsMatch(id) && !id.Contains("research", StringComparison.Ordinal));
            if (!allowed)
            {
                yield return $"licence {row.Licence} '{row.LicenceId}' does not allow commercial use";
            }
        }

        if (c.MinContext is { } min && !(row.ContextWindow >= min))
        {
            yield return $"context {row.ContextWindow?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} < {min}";
        }

        foreach (var modality in c.InputModalities.Where(m => !row.InputModalities.Contains(m, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"takes no {modality} (catalog: {string.Join(",", row.InputModalities)})";
        }

        if (c.ToolCalling && row.ToolCalling != true)
        {
            yield return "has no tool calling in the catalog";
        }

        if (c.MaxPricePerMillion is not null || c.Monthly is not null)
        {
            // The price shown must be one the catalog holds for the model now, at the provider named.
            var price = row.Prices.FirstOrDefault(p => p.Variant is null && p.Provider == pick.Candidate.PriceProvider
                && p.Input == pick.Candidate.InputPerMillion && p.Output == pick.Candidate.OutputPerMillion);
            if (price is not { Input: { } input, Output: { } output })
            {
                yield return $"price {pick.Candidate.InputPerMillion}/{pick.Candidate.OutputPerMillion} at {pick.Candidate.PriceProvider} is not an open price of the model";
                yield break;
            }

            if (c.MaxPricePerMillion is { } max && ((3 * input) + output) / 4 > max)
            {
                yield return $"blended price {((3 * input) + output) / 4} > {max}";
            }

            if (c.Monthly is { } budget && (input * budget.InputTokens / 1_000_000m) + (output * budget.OutputTokens / 1_000_000m) > budget.MaxUsd)
            {
                yield return $"monthly cost above {budget.MaxUsd}";
            }
        }
    }

    [GeneratedRegex(@"(^|[^a-z])(nc|non-?commercial)([^a-z]|$)")]
    private static partial Regex NonCommercial();
}
