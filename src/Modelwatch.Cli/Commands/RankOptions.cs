using System.CommandLine;
using System.Globalization;
using Modelwatch.Cli.Output;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Ratings;

namespace Modelwatch.Cli.Commands;

/// <summary>The options of <c>rank</c>, each with the help text <c>modelwatch rank --help</c> shows.</summary>
internal sealed class RankOptions
{
    private readonly Argument<FileInfo?> _file = new("file")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "Votes file: FastChat clean_battle JSON array, JSON Lines, CSV or Parquet, optionally gzip-compressed " +
            "(the format is detected from the content). Columns model_a/model_b (or left/right) and winner " +
            "(model_a, model_b, tie, tie (bothbad), both_bad, left, right). Or give --dataset instead.",
    };

    private readonly Option<string?> _dataset = new("--dataset")
    {
        HelpName = "NAME",
        Description = "Rank a dataset stored with `modelwatch import votes` instead of a file: Bradley–Terry and win rate are fitted on the " +
            "stored per-category counts (no vote is read); Elo, style control and the filters that need each vote " +
            "(--anonymous-only, --language, --daily-cap, --dedup-sampled) load the stored votes.",
    };

    private readonly Option<string?> _database = DatabaseArgument.CreateOption();

    private readonly Option<string> _method = Choice("--method", "bt", "Rating method: bt = Bradley–Terry maximum likelihood (the leaderboard), elo = online Elo in vote order (legacy view), winrate = average win rate against the opponents met (ties ½).", "bt", "elo", "winrate");
    private readonly Option<string?> _ci = new("--ci") { HelpName = "sandwich|bootstrap|none", Description = "Intervals: sandwich (robust covariance, LMArena's default), bootstrap (multinomial resampling of the aggregated votes) or none. Default: sandwich for bt, none for elo and winrate." };
    private readonly Option<int> _rounds = new("--rounds") { Description = "Bootstrap rounds (100 is the reference default; 1000 is steadier).", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the bootstrap: the same seed gives the same intervals.", DefaultValueFactory = _ => 42 };
    private readonly Option<double> _confidence = new("--confidence") { Description = "Confidence level of the intervals.", DefaultValueFactory = _ => 0.95 };
    private readonly Option<string> _category = new("--category") { Description = "Category board: full, hard_6 (≥ 6 of the 7 hard-prompt criteria), math, creative_writing, if, no_tie, or any tag column the file has (see `modelwatch inspect FILE`).", DefaultValueFactory = _ => "full" };
    private readonly Option<bool> _styleControl = new("--style-control") { Description = "Control for answer style (length, headers, lists, bold) with a contextual Bradley–Terry fit; prints the style coefficients with their intervals. Needs style metadata (FastChat conv_metadata)." };
    private readonly Option<string?> _anchor = new("--anchor") { Description = "Show MODEL at RATING (MODEL=RATING), e.g. mixtral-8x7b-instruct-v0.1=1114. A display shift only: intervals keep their width.", HelpName = "MODEL=RATING" };
    private readonly Option<string> _format = Choice("--format", "table", "Output: table (terminal), csv (header rank,model,rating,lower,upper,votes), json (everything, incl. cleaning steps and the command that reproduces it), markdown.", "table", "csv", "json", "markdown");
    private readonly Option<bool> _skipInvalid = new("--skip-invalid") { Description = "Skip invalid rows (unknown winner, missing model, …) and report how many were skipped for each reason, instead of stopping at the first." };
    private readonly Option<bool> _anonymousOnly = new("--anonymous-only") { Description = "Only votes cast while the model names were hidden (needs an anony column)." };
    private readonly Option<string[]> _excludeModel = new("--exclude-model") { Description = "Leave a model out (repeat for several).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _excludeTies = new("--exclude-ties") { Description = "Drop ties and both-bad votes (the same as --category no_tie)." };
    private readonly Option<string?> _language = new("--language") { Description = "Only votes in this language (needs a language column), e.g. English." };
    private readonly Option<int?> _dailyCap = new("--daily-cap") { Description = "Keep at most N votes per voter per UTC day, the earliest first (needs judge and tstamp columns)." };
    private readonly Option<bool> _dedupSampled = new("--dedup-sampled") { Description = "Only votes kept by prompt de-duplication (FastChat dedup_tag.sampled)." };
    private readonly Option<bool?> _reweight = new("--reweight") { Description = "Inverse-propensity weights 1/max(pair votes, 50) per pair (arXiv 2403.04132). Default: off for bt, on for --style-control (as arena-rank)." };
    private readonly Option<bool> _matrices = new("--matrices") { Description = "Include battle-count, win-fraction and predicted-win-probability matrices (json output)." };
    private readonly Option<int?> _top = new("--top") { Description = "Print only the best N rows." };
    private readonly Option<double> _scale = new("--scale") { Description = "Rating scale (points per factor of --base in odds).", DefaultValueFactory = _ => 400 };
    private readonly Option<double> _base = new("--base") { Description = "Rating base.", DefaultValueFactory = _ => 10 };
    private readonly Option<double> _initial = new("--initial-rating") { Description = "Mean rating (Bradley–Terry) or start rating (Elo).", DefaultValueFactory = _ => 1000 };
    private readonly Option<double> _k = new("--elo-k") { Description = "Elo K-factor.", DefaultValueFactory = _ => 4 };

    public void AddTo(Command command)
    {
        command.Arguments.Add(_file);
        foreach (var option in new Option[] { _dataset, _database, _method, _ci, _rounds, _seed, _confidence, _category, _styleControl, _anchor, _format, _skipInvalid, _anonymousOnly, _excludeModel, _excludeTies, _language, _dailyCap, _dedupSampled, _reweight, _matrices, _top, _scale, _base, _initial, _k })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            var hasFile = result.GetValue(_file) is not null;
            var hasDataset = !string.IsNullOrWhiteSpace(result.GetValue(_dataset));
            if (hasFile == hasDataset)
            {
                result.AddError(hasFile ? "Give a votes file or --dataset NAME, not both." : "Give a votes file to rank, or --dataset NAME for a dataset stored with `modelwatch import votes`.");
            }
            else if (hasDataset && result.GetValue(_skipInvalid))
            {
                result.AddError("--skip-invalid applies to reading a file; a stored dataset holds only valid votes.");
            }
            else if (hasFile && result.GetResult(_database) is not null)
            {
                result.AddError("--database goes with --dataset; a votes file is read directly.");
            }
        });

        // Checks on one option each live on that option: a command-level validator sees defaults as unset.
        Check(_anchor, value => value is null || RatingAnchor.TryParse(value, out _), value => $"--anchor '{value}' is not MODEL=RATING with a number after the last '=' (e.g. gpt-4o=1200).");
        Check(_ci, value => value is null or "sandwich" or "bootstrap" or "none", value => $"--ci '{value}' is not one of sandwich, bootstrap, none.");
        Check(_rounds, value => value >= 2, _ => "--rounds must be at least 2.");
        Check(_confidence, value => value is > 0 and < 1, _ => "--confidence must be between 0 and 1, e.g. 0.95.");
        Check(_dailyCap, value => value is null or >= 1, _ => "--daily-cap must be at least 1.");
        Check(_top, value => value is null or >= 1, _ => "--top must be at least 1.");
    }

    private static void Check<T>(Option<T> option, Func<T?, bool> isValid, Func<T?, string> message) =>
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (!isValid(value))
            {
                result.AddError(message(value));
            }
        });

    public RankArguments Bind(ParseResult result)
    {
        var method = result.GetValue(_method) switch
        {
            "elo" => RatingMethod.Elo,
            "winrate" => RatingMethod.WinRate,
            _ => RatingMethod.BradleyTerry,
        };
        var intervals = result.GetValue(_ci) switch
        {
            "bootstrap" => IntervalMethod.Bootstrap,
            "none" => IntervalMethod.None,
            "sandwich" => IntervalMethod.Sandwich,
            _ => method == RatingMethod.BradleyTerry ? IntervalMethod.Sandwich : IntervalMethod.None,
        };
        RatingAnchor.TryParse(result.GetValue(_anchor) ?? string.Empty, out var anchor);
        var category = result.GetValue(_category) ?? "full";
        return new RankArguments
        {
            File = result.GetValue(_file)?.FullName,
            Dataset = result.GetValue(_dataset),
            Database = result.GetValue(_database),
            Method = method,
            Intervals = intervals,
            Rounds = result.GetValue(_rounds),
            Seed = result.GetValue(_seed),
            Confidence = result.GetValue(_confidence),
            Category = category,
            StyleControl = result.GetValue(_styleControl),
            Anchor = anchor,
            Format = Enum.Parse<OutputFormat>(result.GetValue(_format) ?? "table", ignoreCase: true),
            SkipInvalid = result.GetValue(_skipInvalid),
            AnonymousOnly = result.GetValue(_anonymousOnly),
            ExcludeModels = result.GetValue(_excludeModel) ?? [],
            ExcludeTies = result.GetValue(_excludeTies),
            Language = result.GetValue(_language),
            DailyCap = result.GetValue(_dailyCap),
            DedupSampled = result.GetValue(_dedupSampled),
            Reweight = result.GetValue(_reweight),
            Matrices = result.GetValue(_matrices),
            Top = result.GetValue(_top),
            Scale = result.GetValue(_scale),
            Base = result.GetValue(_base),
            InitialRating = result.GetValue(_initial),
            EloK = result.GetValue(_k),
        };
    }

    private static Option<string> Choice(string name, string defaultValue, string description, params string[] choices)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = string.Join('|', choices) };
        Check(option, value => value is not null && choices.Contains(value), value => $"{name} '{value}' is not one of {string.Join(", ", choices)}.");
        option.CompletionSources.Add(choices);
        return option;
    }

    internal static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
