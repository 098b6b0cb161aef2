using Microsoft.AspNetCore.Identity;

namespace Modelwatch.Data.Accounts;

/// <summary>
/// An account of team mode (ASP.NET Core Identity's user, tables <c>AspNet*</c>). Its own type so the app can add
/// what it needs to remember about a person without changing every store's generic arguments.
/// </summary>
public sealed class ModelwatchUser : IdentityUser
{
    /// <summary>An empty account (Identity's stores create users through this).</summary>
    public ModelwatchUser()
    {
    }

    /// <summary>An account with the name people sign in with.</summary>
    /// <param name="userName">The sign-in name.</param>
    public ModelwatchUser(string userName) : base(userName)
    {
    }
}
