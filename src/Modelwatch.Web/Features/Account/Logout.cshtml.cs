using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Data.Accounts;

namespace Modelwatch.Web.Features.Account;

/// <summary>Signing out: a POST (with the anti-forgery token), so a link on another site cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<ModelwatchUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("Login");
    }
}
