using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Modelwatch.Core.News.Digest;
using Modelwatch.Data.News;
using Modelwatch.News.Digest;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.News.Digest;

/// <summary>
/// The digest page: draft a digest of any days in any language (members), the drafts waiting to be edited and
/// published, and the ways to read published ones (archive, Atom feed).
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(DigestService digests, DigestStore store, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<DigestText> text) : PageModel
{
    /// <summary>First day (UTC) of the window.</summary>
    [BindProperty]
    public DateOnly From { get; set; }

    /// <summary>Last day (UTC), included.</summary>
    [BindProperty]
    public DateOnly To { get; set; }

    [BindProperty]
    public string Language { get; set; } = "en";

    public IReadOnlyList<NewsDigest> Drafts { get; private set; } = [];

    public string? Error { get; private set; }

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        From = today.AddDays(-1);
        To = today;
        Language = Languages.Contains(CultureInfoName()) ? CultureInfoName() : "en";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded)
        {
            return Forbid();
        }

        var window = new DigestWindow(DigestWindow.Day(From).From, DigestWindow.Day(To).To);
        if (!ModelState.IsValid || DigestService.Check(window.From, window.To, Language) is not null)
        {
            Error = text["Choose a first day, a last day on or after it (at most 31 days) and a language."];
            await LoadAsync(ct);
            return Page();
        }

        var id = await digests.DraftAsync(window, Language, ct);
        return LocalRedirect($"/news/digest/{id}");
    }

    /// <summary>The languages offered: every language a digest's labels or a model's prompt knows.</summary>
    public static IReadOnlyList<string> Languages => DigestLanguages.Offered;

    private async Task LoadAsync(CancellationToken ct)
    {
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded;
        Drafts = await store.DraftsAsync(20, ct);
    }

    private static string CultureInfoName() => DigestLanguages.Primary(System.Globalization.CultureInfo.CurrentUICulture.Name);
}
