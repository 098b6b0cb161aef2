using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Models;

/// <summary>One model: every fact with its source, offerings and prices, ratings, benchmark scores, variants and aliases.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class ShowModel(ModelPages pages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>The model; null when the catalog has none of that id (the page says so, with status 404).</summary>
    public ModelPageData? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Data = await pages.ShowAsync(Id ?? "", ct);
        if (Data is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        // A source's name for the model: send the reader to the canonical address.
        return string.Equals(Data.Model.Id, Id, StringComparison.Ordinal) ? Page() : Redirect("/models/" + Data.Model.Id);
    }
}
