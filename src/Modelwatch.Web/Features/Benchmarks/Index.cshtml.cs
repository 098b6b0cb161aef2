using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Shared;

namespace Modelwatch.Web.Features.Benchmarks;

/// <summary>The benchmarks page: one row per model, one column per benchmark, sortable by any column through the query string.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(BenchmarkTable table) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public bool OpenWeights { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Descending { get; set; }

    /// <summary>The page asked for (<c>?page=</c>; read by hand: "page" is the route value Razor Pages itself binds).</summary>
    public int PageNumber { get; private set; } = 1;

    public BenchmarkTablePage Table { get; private set; } = new(null, [], BenchmarkTable.ByArena, true, 1, PageSize, 0, []);

    public int PageCount => PageRequest.Count(Table.Total, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = PageRequest.NumberFromQuery(Request);
        Table = await table.GetAsync(OpenWeights, Sort, Descending, PageNumber, PageSize, ct);
    }

    /// <summary>The address that sorts by <paramref name="key"/> (again: the other way round), the filter kept.</summary>
    public string SortLink(string key) =>
        Link(key, key == Table.Sort ? !Table.Descending : key != BenchmarkTable.ByModel, 1);

    /// <summary>The address of another page, sort and filter kept.</summary>
    public string PageLink(int page) => Link(Table.Sort, Table.Descending, page);

    /// <summary>"ascending"/"descending" for the column sorted by, else "none" (for <c>aria-sort</c>).</summary>
    public string AriaSort(string key) => key != Table.Sort ? "none" : Table.Descending ? "descending" : "ascending";

    private string Link(string sort, bool descending, int page)
    {
        var query = new List<KeyValuePair<string, string?>> { new("sort", sort), new("descending", descending ? "true" : "false") };
        if (OpenWeights)
        {
            query.Add(new("openWeights", "true"));
        }

        if (page > 1)
        {
            query.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        }

        return "/benchmarks" + QueryString.Create(query);
    }
}
