using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Modelwatch.Core.News.Digest;
using Modelwatch.Data.News;
using Modelwatch.News.Digest;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.News.Digest;

/// <summary>One digest: header, recap, sections with linked bullets, notes; a draft's recap editable and the draft publishable (members).</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class ShowModel(DigestStore store, IAuthorizationService authorization, IStringLocalizer<DigestText> text) : PageModel
{
    public StoredDigest Digest { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    public string? Message { get; private set; }

    public bool IsDraft => Digest.Row.Status == NewsDigestStatus.Draft;

    public DigestLabels Labels => DigestLabels.For(Digest.Document.Language);

    /// <summary>The recap's Markdown as sanitised HTML (links only; no raw HTML).</summary>
    public HtmlString RecapHtml => new(DigestHtml.RecapHtml(Digest.Row.Recap));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecapAsync(long id, string? recap, CancellationToken ct) =>
        await ChangeAsync(id, () => store.EditRecapAsync(id, recap ?? "", ct), ct);

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        await ChangeAsync(id, () => store.PublishAsync(id, ct), ct);

    private async Task<IActionResult> ChangeAsync(long id, Func<Task<DigestChange>> change, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded)
        {
            return Forbid();
        }

        var result = await change();
        if (result == DigestChange.NotFound)
        {
            return NotFound();
        }

        if (result == DigestChange.AlreadyPublished)
        {
            await LoadAsync(id, ct);
            Message = text["This digest is published; it can no longer be changed."];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return LocalRedirect($"/news/digest/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } digest)
        {
            return false;
        }

        Digest = digest;
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded;
        return true;
    }
}
