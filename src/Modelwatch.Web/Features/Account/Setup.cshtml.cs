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
/// The first administrator of team mode. Open only while no account exists: afterwards administrators add people on
/// the users page, and this page sends everyone to sign in.
/// </summary>
[AllowAnonymous]
public sealed class SetupModel(AccessState access, SignInManager<ModelwatchUser> signIn, RoleManager<IdentityRole> roles, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public string Confirm { get; set; } = string.Empty;

    /// <summary>What to change before trying again.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await IsOpenAsync() ? Page() : Closed();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await IsOpenAsync())
        {
            return Closed();
        }

        if (!string.Equals(Password, Confirm, StringComparison.Ordinal))
        {
            return Failed([text["The two passwords differ."]]);
        }

        var result = await AccountStore.CreateAsync(signIn.UserManager, roles, UserName, Password, Roles.Administrator);
        if (!result.Succeeded)
        {
            return Failed([.. result.Errors.Select(e => e.Description)]);
        }

        var user = await signIn.UserManager.FindByNameAsync(UserName.Trim());
        await signIn.SignInAsync(user!, isPersistent: false);
        return RedirectToPage("Users");
    }

    private IActionResult Failed(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private IActionResult Closed() => access.IsTeam ? RedirectToPage("Login") : LocalRedirect("/");

    private async Task<bool> IsOpenAsync() => access.IsTeam && !await signIn.UserManager.Users.AnyAsync(HttpContext.RequestAborted);
}
