using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Sources;

/// <summary>The sources page: each catalog source's status and last run with its problems, the vote datasets, and (for administrators) the import forms.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(ModelwatchDbContext db, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public SourcesOverview Overview { get; private set; } = new([], []);

    /// <summary>Whether the forms and delete buttons are shown (the handlers check again).</summary>
    public bool IsAdministrator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await SourcesOverview.LoadAsync(db, time, ct);
        IsAdministrator = (await authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
    }
}
