using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Votes;
using Modelwatch.Data;
using Modelwatch.Data.Catalog.Store;
using Modelwatch.Data.Votes;
using Modelwatch.Web.Features.Leaderboard;
using Modelwatch.Web.Features.Models;

namespace Modelwatch.Web.Features.Compare;

/// <summary>
/// Puts 2 to 4 catalog models side by side: facts and prices in rows, our arena ratings per category, and for each
/// pair the head-to-head record from the stored pair counts beside the win probability the ratings predict.
/// </summary>
public sealed class ModelComparison(ModelwatchDbContext db, ModelPages pages, LeaderboardService boards, TimeProvider time)
{
    /// <summary>The fewest models a comparison takes.</summary>
    public const int Fewest = 2;

    /// <summary>The most models a comparison takes (what fits side by side on a phone, turned).</summary>
    public const int Most = 4;

    /// <summary>Compares the models of <paramref name="ids"/> (canonical ids or names a source uses; blanks ignored).</summary>
    public async Task<CompareOutcome> CompareAsync(IEnumerable<string?> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var asked = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim()).ToList();
        if (asked.Count is < Fewest or > Most)
        {
            return new CompareOutcome(null, StatusCodes.Status400BadRequest, $"Compare takes {Fewest} to {Most} models (m=lab/model, repeated); got {asked.Count}.", []);
        }

        var queries = new CatalogQueries(db);
        var resolved = new List<string>();
        var unknown = new List<string>();
        foreach (var id in asked)
        {
            if (await queries.ResolveAsync(id, matcher: null, ct).ConfigureAwait(false) is { } name)
            {
                resolved.Add(name.ModelId);
            }
            else
            {
                unknown.Add(id);
            }
        }

        if (unknown.Count > 0)
        {
            return new CompareOutcome(null, StatusCodes.Status404NotFound, $"The catalog has no model {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Use canonical ids such as 'openai/gpt-4o' (GET /api/models lists them).", unknown);
        }

        if (resolved.Distinct(StringComparer.Ordinal).Count() != resolved.Count)
        {
            return new CompareOutcome(null, StatusCodes.Status400BadRequest, "The same model is named twice; compare different models.", []);
        }

        var models = await db.Models.AsNoTracking().Where(m => resolved.Contains(m.Id)).ToListAsync(ct).ConfigureAwait(false);
        var cards = await ArenaModelLinks.CardsAsync(db, resolved, ct).ConfigureAwait(false);
        var compared = new List<ComparedModel>();
        foreach (var id in resolved)
        {
            var header = ModelPages.Header(models.First(m => m.Id == id));
            var ratings = await pages.ArenaRatingsAsync(id, ct).ConfigureAwait(false);
            var voteName = ratings.Where(r => r.Category == VoteCategories.Full).OrderByDescending(r => r.Votes).ThenBy(r => r.VoteName, StringComparer.Ordinal).FirstOrDefault()?.VoteName;
            var card = cards.GetValueOrDefault(id);
            compared.Add(new ComparedModel(header, card?.InputPerMillion, card?.OutputPerMillion, card?.PriceProvider, voteName, [.. ratings.Where(r => r.VoteName == voteName)]));
        }

        var (dataset, pairs) = await HeadToHeadAsync(compared, ct).ConfigureAwait(false);
        return new CompareOutcome(new CompareData(compared, Rows(compared), pairs, dataset), StatusCodes.Status200OK, null, []);
    }

    /// <summary>Bradley–Terry on LMArena's scale: the probability a model rated <paramref name="ratingA"/> beats one rated <paramref name="ratingB"/>.</summary>
    public static double PredictedWin(double ratingA, double ratingB) => 1.0 / (1.0 + Math.Pow(10, (ratingB - ratingA) / 400));

    private async Task<(string? Dataset, IReadOnlyList<HeadToHead> Pairs)> HeadToHeadAsync(List<ComparedModel> models, CancellationToken ct)
    {
        var voted = models.Where(m => m.VoteName is not null).ToList();
        if (voted.Count < 2)
        {
            return (voted.FirstOrDefault()?.ArenaRatings.FirstOrDefault()?.Dataset, []);
        }

        var board = await boards.GetAsync(new BoardQuery(null, VoteCategories.Full), ct).ConfigureAwait(false);
        if (board is null)
        {
            return (null, []);
        }

        var counts = await new VoteStore(db, time).LoadCountsAsync(board.Dataset.Name, VoteCategories.Full, ct).ConfigureAwait(false);
        var index = counts.Models.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var rating = board.Report.Entries.ToDictionary(e => e.Model, e => e.Rating, StringComparer.Ordinal);
        var pairs = new List<HeadToHead>();
        for (var x = 0; x < voted.Count; x++)
        {
            for (var y = x + 1; y < voted.Count; y++)
            {
                var (a, b) = (voted[x], voted[y]);
                var (ia, ib) = (index[a.VoteName!], index[b.VoteName!]);
                var row = counts.Rows.FirstOrDefault(r => r.ModelA == Math.Min(ia, ib) && r.ModelB == Math.Max(ia, ib));
                var (winsA, winsB) = row is null ? (0, 0) : ia < ib ? (row.WinsA, row.WinsB) : (row.WinsB, row.WinsA);
                var ties = row is null ? 0 : row.Ties + row.BothBad;
                var total = winsA + winsB + ties;
                pairs.Add(new HeadToHead(
                    a.Model.Id, b.Model.Id, a.VoteName!, b.VoteName!, winsA, winsB, ties, total,
                    ObservedFraction(board, a.VoteName!, b.VoteName!),
                    PredictedWin(rating[a.VoteName!], rating[b.VoteName!])));
            }
        }

        return (board.Dataset.Name, pairs);
    }

    /// <summary>The observed fraction from the board's pair matrices (the same numbers as the leaderboard's heat map).</summary>
    private static double? ObservedFraction(ComputedBoard board, string a, string b)
    {
        var matrices = board.Report.Matrices;
        if (matrices is null)
        {
            return null;
        }

        var i = IndexOf(matrices.Models, a);
        var j = IndexOf(matrices.Models, b);
        if (i < 0 || j < 0 || matrices.Battles(i, j) == 0)
        {
            return null;
        }

        return matrices.WinFraction(i, j);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<CompareRow> Rows(List<ComparedModel> models)
    {
        var rows = new List<CompareRow>
        {
            Row("organisation", "Organisation", m => m.Model.Organisation ?? m.Model.Lab),
            Row("licence", "Licence", m => m.Model.Licence.ToString()),
            Row("licence_id", "Licence id", m => m.Model.LicenceId),
            Row("context_window", "Context", m => m.Model.ContextWindow is null ? null : Shared.Display.Tokens(m.Model.ContextWindow)),
            Row("max_output_tokens", "Max output", m => m.Model.MaxOutputTokens is null ? null : Shared.Display.Tokens(m.Model.MaxOutputTokens)),
            Row("total_parameters", "Parameters", m => m.Model.TotalParameters is null ? null : Shared.Display.Parameters(m.Model.TotalParameters)),
            Row("release_date", "Released", m => m.Model.ReleaseDate is null ? null : Shared.Display.Date(m.Model.ReleaseDate)),
            Row("knowledge_cutoff", "Knowledge cutoff", m => m.Model.KnowledgeCutoff),
            Row("reasoning", "Reasoning", m => m.Model.Reasoning is { } r ? (r ? "yes" : "no") : null),
            Row("tool_calling", "Tool calling", m => m.Model.ToolCalling is { } t ? (t ? "yes" : "no") : null),
            Row("input_price", "Input price", m => m.InputPerMillion is null ? null : Shared.Display.PricePerMillion(m.InputPerMillion)),
            Row("output_price", "Output price", m => m.OutputPerMillion is null ? null : Shared.Display.PricePerMillion(m.OutputPerMillion)),
            Row("price_provider", "Price from", m => m.PriceProvider),
        };
        var categories = models.SelectMany(m => m.ArenaRatings.Select(r => r.Category)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var category in categories)
        {
            rows.Add(Row("rating:" + category, "Arena rating: " + category, m => m.ArenaRatings.FirstOrDefault(r => r.Category == category) is { } r ? Shared.Display.Rating(r.Rating) : null));
        }

        return rows;

        CompareRow Row(string key, string label, Func<ComparedModel, string?> value)
        {
            var values = models.Select(value).ToList();
            var known = values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Count();
            return new CompareRow(key, label, [.. values.Select(v => v ?? "\u2014")], known > 1 || (known == 1 && values.Any(v => v is null)));
        }
    }
}
