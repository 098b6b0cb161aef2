namespace Modelwatch.Web.Features.Access;

/// <summary>Who may use the app: <c>Modelwatch:Access</c> in configuration.</summary>
public sealed class AccessOptions
{
    public const string Section = "Modelwatch:Access";

    /// <summary>Solo, team, or chosen from the addresses the server listens on (the default).</summary>
    public AccessMode Mode { get; set; } = AccessMode.Auto;

    /// <summary>In team mode, lets anyone read the leaderboards without signing in.</summary>
    public bool PublicLeaderboard { get; set; }
}

/// <summary>How people reach the app.</summary>
public enum AccessMode
{
    /// <summary>Solo when every address the server listens on is loopback, else team.</summary>
    Auto,

    /// <summary>One person on this machine, no sign-in: only loopback connections are served.</summary>
    Solo,

    /// <summary>Accounts and roles (ASP.NET Core Identity).</summary>
    Team,
}
