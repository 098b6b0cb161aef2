using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Core.News;
using Modelwatch.Data.News;
using Modelwatch.News.Digest;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.News.Digest;

/// <summary>The archive: published digests by day, searched in title, recap and keywords, filtered by theme.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class ArchiveModel(DigestStore store) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    public DigestArchivePage Archive { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>The digests grouped by the UTC day their window starts, newest first.</summary>
    public IEnumerable<IGrouping<DateOnly, NewsDigest>> Days =>
        Archive.Digests.GroupBy(d => DateOnly.FromDateTime(d.WindowStart.UtcDateTime));

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!DigestApi.TryTag(Tag, out var tag))
        {
            Tag = null;
            tag = NewsTags.None;
        }

        Archive = await store.ArchiveAsync(Search, tag, PageRequest.NumberFromQuery(Request), PageSize, ct);
    }
}
