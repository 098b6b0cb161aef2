using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.News;

/// <summary>
/// The news sources page: each source's status, last error and fetch history, the rules, OPML export; for
/// administrators the forms (they post to <see cref="ManageModel"/>), "sync now" and, on first start, the default sources offer.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class SourcesModel(NewsQueries queries, ModelwatchDbContext db, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public IReadOnlyList<RuleRow> Rules { get; private set; } = [];

    public bool IsAdministrator { get; private set; }

    /// <summary>Whether the first-start offer of default sources is shown.</summary>
    public bool OfferDefaults { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sources = await queries.SourcesAsync(ct);
        Rules = await queries.RulesAsync(ct);
        IsAdministrator = (await authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
        OfferDefaults = IsAdministrator && await NewsDefaultsOffer.ShouldOfferAsync(db, ct);
    }
}
