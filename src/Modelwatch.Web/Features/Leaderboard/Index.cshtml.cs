using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Core.Catalog;
using Modelwatch.Core.Votes;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Leaderboard;

/// <summary>The leaderboard page: the board computed from the votes in the database, with the catalog's facts.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(LeaderboardService boards, ArenaModelLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Dataset { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Category { get; set; } = VoteCategories.Full;

    [BindProperty(SupportsGet = true)]
    public bool Style { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OpenWeights { get; set; }

    [BindProperty(SupportsGet = true)]
    public LicenceClass? Licence { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "rating";

    [BindProperty(SupportsGet = true)]
    public bool Descending { get; set; }

    /// <summary>Every dataset, for the selector (shown when there are several).</summary>
    public IReadOnlyList<DatasetInfo> Datasets { get; private set; } = [];

    /// <summary>The organisations of the board's linked models (unfiltered), for the selector.</summary>
    public IReadOnlyList<string> Organisations { get; private set; } = [];

    /// <summary>The plots of the filtered rows.</summary>
    public LeaderboardPlots? Plots { get; private set; }

    /// <summary>What the plots depend on, for <see cref="Shared.Plots.PlotCache"/>.</summary>
    public string PlotKey { get; private set; } = "";

    /// <summary>The query string of this page with <paramref name="changes"/> applied (null removes a key).</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        var query = Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            query[key] = value;
        }

        var pairs = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value!)}");
        return "/?" + string.Join("&", pairs);
    }

    /// <summary>The link of a sortable column header: this sort ascending, or reversed when already sorted by it.</summary>
    public string SortLink(string sort) =>
        Link(("sort", sort), ("descending", string.Equals(Sort, sort, StringComparison.Ordinal) && !Descending ? "true" : null));

    /// <summary>The rows shown; null when the database has no votes yet.</summary>
    public LeaderboardView? View { get; private set; }

    /// <summary>Why the board could not be shown (unknown dataset or category).</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var board = await boards.GetAsync(new BoardQuery(string.IsNullOrWhiteSpace(Dataset) ? null : Dataset, Category, Style), ct);
            if (board is null)
            {
                return Page();
            }

            Datasets = await boards.DatasetsAsync(ct);
            var (cards, catalogVersion) = await links.ForVoteNamesVersionedAsync([.. board.Report.Entries.Select(e => e.Model)], ct);
            Organisations = [.. cards.Values.Select(c => c.Organisation).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
            var filter = new LeaderboardFilter { OpenWeights = OpenWeights, Licence = Licence, Organisation = Organisation, Search = Search, Sort = Sort, Descending = Descending };
            View = LeaderboardView.Build(board, cards, filter);
            PlotKey = string.Create(CultureInfo.InvariantCulture, $"leaderboard|{board.Dataset.Id}|{board.Dataset.ImportedAt.UtcTicks}|{board.Dataset.Revision}|{board.Query}|{filter}|{catalogVersion}|{CultureInfo.CurrentUICulture.Name}");
            Plots = LeaderboardPlots.Build(View);
        }
        catch (BoardNotFoundException error)
        {
            Problem = error.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
