using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.News;

/// <summary>The stories page: stories across sources, most important first, filtered by tag; muted ones on request.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(NewsQueries queries) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Muted { get; set; }

    public StoryListPage Stories { get; private set; } = new(1, PageSize, 0, []);

    /// <summary>Why the filter was refused.</summary>
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!NewsTagNames.TryParse(Tag, out var tag))
        {
            Error = Tag;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Stories = await queries.StoriesAsync(tag, Muted, PageRequest.NumberFromQuery(Request), PageSize, ct);
    }
}
