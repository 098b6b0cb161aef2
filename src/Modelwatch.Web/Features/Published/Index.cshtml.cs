using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Published;

/// <summary>LMArena's published board per category beside the board computed from our votes.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(PublishedBoards published) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    /// <summary>The comparison shown; null when no published board is stored.</summary>
    public PublishedComparison? Comparison { get; private set; }

    /// <summary>Why nothing could be shown (unknown category).</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Comparison = await published.GetAsync(string.IsNullOrWhiteSpace(Category) ? null : Category, ct);
        }
        catch (PublishedNotFoundException error)
        {
            Problem = error.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
