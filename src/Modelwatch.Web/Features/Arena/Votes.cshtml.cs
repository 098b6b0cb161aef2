using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Core.Arena;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Arena.Fairness;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.Arena;

/// <summary>
/// The review of arena votes (Administrator): how many count and how many each rule excluded, the votes (filterable by
/// reason) with Reinstate / Exclude, and the open outlier flags with Exclude voter / Clear.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class VotesModel(ArenaVoteReview review) : PageModel
{
    public const int PageSize = 50;

    public ExclusionCounts Counts { get; private set; } = new(0, 0, 0, new Dictionary<string, int>());

    public IReadOnlyList<ArenaVoteItem> Votes { get; private set; } = [];

    public IReadOnlyList<VoterFlagItem> Flags { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    /// <summary>The reason filter ("" = all, "counted", "excluded", or an exclusion name).</summary>
    [BindProperty(SupportsGet = true, Name = "reason")]
    public string? Reason { get; set; }

    public static IReadOnlyList<VoteExclusion> Reasons { get; } = [.. Enum.GetValues<VoteExclusion>().Where(e => e != VoteExclusion.None)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = PageRequest.NumberFromQuery(Request);
        VoteExclusion? exclusion = null;
        bool? counted = null;
        if (string.Equals(Reason, "counted", StringComparison.Ordinal))
        {
            counted = true;
        }
        else if (string.Equals(Reason, "excluded", StringComparison.Ordinal))
        {
            counted = false;
        }
        else if (Enum.TryParse<VoteExclusion>(Reason, out var parsed) && Enum.IsDefined(parsed))
        {
            exclusion = parsed;
        }
        else
        {
            Reason = null;
        }

        Counts = await review.CountsAsync(ct);
        (Votes, Total) = await review.ListAsync(exclusion, counted, PageNumber, PageSize, ct);
        Flags = await review.FlagsAsync(openOnly: true, ct);
    }

    public async Task<IActionResult> OnPostReinstateAsync(int id, CancellationToken ct)
    {
        await review.ReinstateAsync(id, ct);
        return Back();
    }

    public async Task<IActionResult> OnPostExcludeAsync(int id, CancellationToken ct)
    {
        await review.ExcludeAsync(id, ct);
        return Back();
    }

    public async Task<IActionResult> OnPostExcludeVoterAsync(string voter, CancellationToken ct)
    {
        await review.ExcludeVoterAsync(voter, ct);
        return Back();
    }

    public async Task<IActionResult> OnPostClearAsync(string voter, CancellationToken ct)
    {
        await review.ClearFlagAsync(voter, ct);
        return Back();
    }

    /// <summary>A voter id shortened for the table (the full id is in the title).</summary>
    public static string Short(string voter) => voter.Length <= 18 ? voter : voter[..15] + "…";

    // "page" is a reserved route value of Razor Pages, so the address is built by hand.
    private LocalRedirectResult Back() =>
        LocalRedirect($"/arena/votes?reason={Uri.EscapeDataString(Reason ?? "")}&page={PageRequest.NumberFromQuery(Request).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
