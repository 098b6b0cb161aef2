using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modelwatch.Data.Accounts;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Account;

/// <summary>Signing in (team mode). With no account yet, sends the visitor to set up the first administrator.</summary>
[AllowAnonymous]
public sealed class LoginModel(AccessState access, SignInManager<ModelwatchUser> signIn, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public bool Remember { get; set; }

    /// <summary>Why the last attempt failed, for the person.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!access.IsTeam)
        {
            return LocalRedirect(AccountPages.SafeReturn(ReturnUrl));
        }

        return await NoAccountYetAsync() ? RedirectToPage("Setup") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!access.IsTeam)
        {
            return LocalRedirect("/");
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, Remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(AccountPages.SafeReturn(ReturnUrl));
        }

        Error = result.IsLockedOut
            ? text["Too many failed attempts: this account is locked for 15 minutes."]
            : text["The name or the password is wrong."];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> NoAccountYetAsync() => !await signIn.UserManager.Users.AnyAsync(HttpContext.RequestAborted);
}
