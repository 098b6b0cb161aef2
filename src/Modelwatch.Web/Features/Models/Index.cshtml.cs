using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Core.Catalog;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.Models;

/// <summary>The models list: the catalog with filters, paged, each model linking to its page.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(ModelPages pages) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public bool OpenWeights { get; set; }

    [BindProperty(SupportsGet = true)]
    public LicenceClass? Licence { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lab { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinContext { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>The page asked for (<c>?page=</c>; read by hand: "page" is the route value Razor Pages itself binds).</summary>
    public int PageNumber { get; private set; } = 1;

    public ModelListPage Models { get; private set; } = new(1, PageSize, 0, []);

    public IReadOnlyList<string> Labs { get; private set; } = [];

    public int PageCount => PageRequest.Count(Models.Total, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = PageRequest.NumberFromQuery(Request);
        MinContext = MinContext is < 0 ? null : MinContext;
        Labs = await pages.LabsAsync(ct);
        Models = await pages.ListAsync(new ModelListQuery(OpenWeights, Licence, Lab, MinContext, Search), PageNumber, PageSize, ct);
    }

    /// <summary>This list's address with another page number, the filters kept.</summary>
    public string PageLink(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (OpenWeights)
        {
            query.Add(new("openWeights", "true"));
        }

        if (Licence is { } licence)
        {
            query.Add(new("licence", licence.ToString()));
        }

        if (!string.IsNullOrWhiteSpace(Lab))
        {
            query.Add(new("lab", Lab));
        }

        if (MinContext is { } min)
        {
            query.Add(new("minContext", min.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            query.Add(new("search", Search));
        }

        query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return "/models" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
