using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.News;

/// <summary>One story: its items from every source (duplicates marked), and the catalog models and labs it is about.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class StoryModel(NewsQueries queries) : PageModel
{
    public StoryDetail? Story { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Story = await queries.StoryAsync(id, ct);
        if (Story is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
