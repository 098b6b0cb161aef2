using Microsoft.AspNetCore.Identity;
using Modelwatch.Data.Accounts;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Account;

/// <summary>Creating accounts with exactly one role, shared by the first-administrator setup and the users page.</summary>
internal static class AccountStore
{
    /// <summary>The roles a person can be given, most powerful first.</summary>
    public static IReadOnlyList<string> AllRoles { get; } = [Roles.Administrator, Roles.Member];

    /// <summary>Creates the roles if this is the first time they are needed.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in AllRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates an account with a password and one role; the errors say what to change.</summary>
    public static async Task<IdentityResult> CreateAsync(UserManager<ModelwatchUser> users, RoleManager<IdentityRole> roles, string userName, string password, string role)
    {
        await EnsureRolesAsync(roles);
        var user = new ModelwatchUser(userName.Trim());
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
        }

        return added;
    }
}
