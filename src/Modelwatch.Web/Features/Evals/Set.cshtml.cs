using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Evals;

/// <summary>One prompt set: its prompts with their tags; for members, forms to write, edit and upload prompts (they post to <see cref="EditSetModel"/>).</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class SetModel(EvalStore store, IAuthorizationService authorization) : PageModel
{
    public EvalSetDetail? Detail { get; private set; }

    public bool CanWrite { get; private set; }

    /// <summary>Only prompts with this tag (null: all).</summary>
    public string? Tag { get; private set; }

    public IEnumerable<EvalPromptView> Shown => Detail is null ? [] : Detail.Prompts.Where(p => Tag is null || p.Tags.Contains(Tag, StringComparer.Ordinal));

    public async Task<IActionResult> OnGetAsync(int id, string? tag, CancellationToken ct)
    {
        Detail = await store.GetSetAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }

        Tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant();
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.Member)).Succeeded;
        return Page();
    }
}
