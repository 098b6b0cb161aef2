using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Models;

namespace Modelwatch.Web.Features.Compare;

/// <summary>The compare page: 2 to 4 models side by side; a plain form adds or removes one, so it works without script.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(ModelComparison comparison, ModelPages pages) : PageModel
{
    /// <summary>The ids asked for, in order (<c>?m=a&amp;m=b</c>).</summary>
    [BindProperty(Name = "m", SupportsGet = true)]
    public List<string> Ids { get; set; } = [];

    public CompareOutcome? Outcome { get; private set; }

    /// <summary>Every catalog model, for the datalist of the "add a model" field.</summary>
    public IReadOnlyList<(string Id, string Name)> Choices { get; private set; } = [];

    /// <summary>The ids kept (blanks dropped).</summary>
    public IReadOnlyList<string> Picked => [.. Ids.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim())];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await pages.NamesAsync(ct);
        if (Picked.Count == 0)
        {
            return; // just the form
        }

        Outcome = await comparison.CompareAsync(Picked, ct);
        Response.StatusCode = Outcome.Status;
    }

    /// <summary>This page's address with the given ids.</summary>
    public static string Link(IEnumerable<string> ids) =>
        "/compare" + QueryString.Create(ids.Select(i => new KeyValuePair<string, string?>("m", i)));
}
