using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modelwatch.Data.Accounts;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Account;

/// <summary>
/// Administrators manage the accounts: add a member or administrator (with a first password to hand over), change a
/// role, remove an account. The last administrator can be neither demoted nor removed, so the app always has one.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UsersModel(AccessState access, UserManager<ModelwatchUser> users, RoleManager<IdentityRole> roles, IStringLocalizer<AccountText> text, TimeProvider time) : PageModel
{
    /// <summary>One account as the table shows it.</summary>
    public sealed record Row(string Id, string Name, string Role, bool LockedOut);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Whether accounts are in use (in solo mode the page still works, to prepare team mode).</summary>
    public bool IsTeam => access.IsTeam;

    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public string Role { get; set; } = Roles.Member;

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!AccountStore.AllRoles.Contains(Role))
        {
            return await FailedAsync([text["Unknown role '{0}'.", Role]]);
        }

        var result = await AccountStore.CreateAsync(users, roles, UserName, Password, Role);
        if (!result.Succeeded)
        {
            return await FailedAsync([.. result.Errors.Select(e => e.Description)]);
        }

        Message = text["Added {0}. Give them the password; they sign in at /account/login.", UserName.Trim()];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !AccountStore.AllRoles.Contains(role))
        {
            return NotFound();
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && role != Roles.Administrator && await IsLastAdministratorAsync())
        {
            return await FailedAsync([text["The last administrator keeps the role: make someone else an administrator first."]]);
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);

        // Their signed-in cookie picks up the new role within a minute (re-validated against the stamp, see AccessSetup).
        await users.UpdateSecurityStampAsync(user);
        Message = text["{0} is now: {1}.", user.UserName ?? id, text[role]];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (string.Equals(user.UserName, User.Identity?.Name, StringComparison.Ordinal))
        {
            return await FailedAsync([text["You cannot remove your own account."]]);
        }

        if (await users.IsInRoleAsync(user, Roles.Administrator) && await IsLastAdministratorAsync())
        {
            return await FailedAsync([text["The last administrator keeps the role: make someone else an administrator first."]]);
        }

        await users.DeleteAsync(user);
        Message = text["Removed {0}.", user.UserName ?? id];
        return RedirectToPage();
    }

    private async Task<bool> IsLastAdministratorAsync() => (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1;

    private async Task<IActionResult> FailedAsync(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(HttpContext.RequestAborted);
        var admins = (await users.GetUsersInRoleAsync(Roles.Administrator)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        Rows = [.. all.Select(u => new Row(u.Id, u.UserName ?? u.Id, admins.Contains(u.Id) ? Roles.Administrator : Roles.Member, u.LockoutEnd is { } end && end > now))];
    }
}
