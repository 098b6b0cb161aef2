namespace Modelwatch.Web.Features.Access;

/// <summary>
/// The authorization policies every page and endpoint names. In solo mode the one person on loopback meets all of
/// them; in team mode they follow the account's roles (and <see cref="AccessOptions.PublicLeaderboard"/>).
/// </summary>
public static class Policies
{
    /// <summary>Browse leaderboards, models and benchmarks (everyone signed in; anyone when the board is public).</summary>
    public const string Reader = "reader";

    /// <summary>Vote and keep one's own data: members and administrators.</summary>
    public const string Member = "member";

    /// <summary>Sources, providers, imports, exclusions: administrators only.</summary>
    public const string Administrator = "administrator";
}

/// <summary>The two roles of team mode.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";

    public const string Member = "Member";
}
