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

    /// <summary>The rows shown; null when the database has no votes yet.</summary>
    public LeaderboardView? View { get; private set; }

    /// <summary>Why the board could not be shown (unknown dataset or category).</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var board = await boards.GetAsync(new BoardQuery(Dataset, Category, Style), ct);
            if (board is null)
            {
                return Page();
            }

            var cards = await links.ForVoteNamesAsync([.. board.Report.Entries.Select(e => e.Model)], ct);
            View = LeaderboardView.Build(board, cards, new LeaderboardFilter { OpenWeights = OpenWeights, Licence = Licence, Organisation = Organisation, Search = Search, Sort = Sort });
        }
        catch (BoardNotFoundException error)
        {
            Problem = error.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
