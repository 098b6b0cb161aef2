using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Core.Arena;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Arena.Battles;

namespace Modelwatch.Web.Features.Evals;

/// <summary>
/// Blind human voting on a run's answers: two answers to one prompt without names, the arena's four buttons, then
/// the names. A plain form post (no script needed); the votes stay with the run and never reach the arena's dataset.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class VoteModel(EvalStore store, EvalHumanVotes votes) : PageModel
{
    public EvalRunSummary? Run { get; private set; }

    /// <summary>The pair to vote on (null when the voter has voted on every pair, or after a vote).</summary>
    public HumanPair? Pair { get; private set; }

    /// <summary>The names, after a vote.</summary>
    public HumanVoteRevealed? Revealed { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Run = await store.GetRunAsync(id, ct);
        if (Run is null)
        {
            return NotFound();
        }

        Pair = await votes.NextPairAsync(id, VoterIdentity.Of(HttpContext), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, long answerA, long answerB, ArenaChoice? choice, CancellationToken ct)
    {
        Run = await store.GetRunAsync(id, ct);
        if (Run is null)
        {
            return NotFound();
        }

        try
        {
            if (choice is not { } vote || !Enum.IsDefined(vote))
            {
                throw new HumanVoteException(HumanVoteRefusal.NotAPair, "choice: expected A, B, Tie or BothBad.");
            }

            Revealed = await votes.RecordAsync(id, answerA, answerB, VoterIdentity.Of(HttpContext), vote, ct);
        }
        catch (HumanVoteException error)
        {
            Error = error.Message;
            Response.StatusCode = error.Refusal == HumanVoteRefusal.AlreadyVoted ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
