using System.Globalization;
using System.Text;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Ratings;

namespace Modelwatch.Cli.Commands;

/// <summary>
/// The canonical <c>modelwatch rank</c> command line for a set of arguments: every option that changes a number is
/// spelled out (defaults too), so a saved report says exactly how to compute it again.
/// </summary>
public static class ReproduceCommand
{
    public static string For(RankArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var text = new StringBuilder("modelwatch rank ");
        if (arguments.Dataset is { } dataset)
        {
            text.Append("--dataset ").Append(Quote(dataset));
        }
        else
        {
            text.Append(Quote(Path.GetFileName(arguments.File ?? string.Empty)));
        }

        Append(text, "--method", arguments.Method switch { RatingMethod.Elo => "elo", RatingMethod.WinRate => "winrate", _ => "bt" });
        Append(text, "--ci", arguments.Intervals.ToString().ToLowerInvariant());
        if (arguments.Intervals == IntervalMethod.Bootstrap)
        {
            Append(text, "--rounds", arguments.Rounds.ToString(CultureInfo.InvariantCulture));
            Append(text, "--seed", arguments.Seed.ToString(CultureInfo.InvariantCulture));
        }

        if (arguments.Intervals != IntervalMethod.None)
        {
            Append(text, "--confidence", RankOptions.Invariant(arguments.Confidence));
        }

        Append(text, "--category", arguments.Category);
        Flag(text, "--style-control", arguments.StyleControl);
        if (arguments.Reweight is { } reweight)
        {
            Append(text, "--reweight", reweight ? "true" : "false");
        }

        Flag(text, "--skip-invalid", arguments.SkipInvalid);
        Flag(text, "--anonymous-only", arguments.AnonymousOnly);
        foreach (var model in arguments.ExcludeModels)
        {
            Append(text, "--exclude-model", model);
        }

        Flag(text, "--exclude-ties", arguments.ExcludeTies);
        Flag(text, "--dedup-sampled", arguments.DedupSampled);
        if (arguments.Language is { } language)
        {
            Append(text, "--language", language);
        }

        if (arguments.DailyCap is { } cap)
        {
            Append(text, "--daily-cap", cap.ToString(CultureInfo.InvariantCulture));
        }

        if (arguments.Anchor is { } anchor)
        {
            Append(text, "--anchor", $"{anchor.Model}={RankOptions.Invariant(anchor.Rating)}");
        }

        Append(text, "--scale", RankOptions.Invariant(arguments.Scale));
        Append(text, "--base", RankOptions.Invariant(arguments.Base));
        Append(text, "--initial-rating", RankOptions.Invariant(arguments.InitialRating));
        if (arguments.Method == RatingMethod.Elo)
        {
            Append(text, "--elo-k", RankOptions.Invariant(arguments.EloK));
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string option, string value) => text.Append(' ').Append(option).Append(' ').Append(Quote(value));

    private static void Flag(StringBuilder text, string option, bool on)
    {
        if (on)
        {
            text.Append(' ').Append(option);
        }
    }

    internal static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or '+')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
