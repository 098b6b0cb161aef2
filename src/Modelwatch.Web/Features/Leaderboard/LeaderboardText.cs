namespace Modelwatch.Web.Features.Leaderboard;

/// <summary>Marker for the leaderboard's strings (<c>LeaderboardText.resx</c>, <c>LeaderboardText.ko.resx</c>).</summary>
public sealed class LeaderboardText;
