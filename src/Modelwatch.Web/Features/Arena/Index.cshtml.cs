using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Arena.Battles;
using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Features.Arena;

/// <summary>The arena: a prompt answered by two models side by side, a vote, then the reveal.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(ArenaContestants contestants, IOptions<BattleOptions> options) : PageModel
{
    /// <summary>Available contestants, for named mode's selects.</summary>
    public IReadOnlyList<ContestantInfo> Available { get; private set; } = [];

    /// <summary>Whether at least two available contestants accept images (the image input is shown then).</summary>
    public bool ImagesPossible { get; private set; }

    public int MaxPromptChars => options.Value.MaxPromptChars;

    public int MaxImageBytes => options.Value.MaxImageBytes;

    public async Task OnGetAsync(CancellationToken ct)
    {
        VoterIdentity.Of(HttpContext);
        Available = [.. (await contestants.ListAsync(ct)).Where(c => c.Available).OrderBy(c => c.BoardName, StringComparer.Ordinal)];
        ImagesPossible = Available.Count(c => c.AcceptsImages) >= 2;
    }
}
