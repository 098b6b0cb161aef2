using Modelwatch.Cli.Output;
using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Ratings;
using Modelwatch.Core.Ratings.StyleControl;
using Modelwatch.Core.Votes;

namespace Modelwatch.Cli.Commands;

/// <summary>The parsed <c>rank</c> command line, before it becomes a <see cref="RatingRequest"/>.</summary>
public sealed record RankArguments
{
    /// <summary>The votes file; null when ranking a stored <see cref="Dataset"/>.</summary>
    public string? File { get; init; }

    /// <summary>A dataset stored with <c>modelwatch import votes</c>; null when ranking a <see cref="File"/>.</summary>
    public string? Dataset { get; init; }

    /// <summary>The <c>--database</c> value (null: the environment or the default database).</summary>
    public string? Database { get; init; }

    public RatingMethod Method { get; init; } = RatingMethod.BradleyTerry;

    public IntervalMethod Intervals { get; init; } = IntervalMethod.Sandwich;

    public int Rounds { get; init; } = 100;

    public int Seed { get; init; } = 42;

    public double Confidence { get; init; } = 0.95;

    public string Category { get; init; } = "full";

    public bool StyleControl { get; init; }

    public RatingAnchor? Anchor { get; init; }

    public OutputFormat Format { get; init; } = OutputFormat.Table;

    public bool SkipInvalid { get; init; }

    public bool AnonymousOnly { get; init; }

    public IReadOnlyList<string> ExcludeModels { get; init; } = [];

    public bool ExcludeTies { get; init; }

    public string? Language { get; init; }

    public int? DailyCap { get; init; }

    public bool DedupSampled { get; init; }

    /// <summary>Inverse-propensity reweighting; null = the method's default (off for BT, on for style control, as arena-rank).</summary>
    public bool? Reweight { get; init; }

    public bool Matrices { get; init; }

    public int? Top { get; init; }

    public double Scale { get; init; } = 400;

    public double Base { get; init; } = 10;

    public double InitialRating { get; init; } = 1000;

    public double EloK { get; init; } = 4;

    public RatingRequest ToRequest() => new()
    {
        Method = Method,
        Intervals = Intervals,
        BootstrapRounds = Rounds,
        Seed = Seed,
        Confidence = Confidence,
        StyleControl = StyleControl,
        Anchor = Anchor,
        IncludeMatrices = Matrices,
        Filter = new VoteFilterOptions
        {
            Category = Category,
            AnonymousOnly = AnonymousOnly,
            ExcludeModels = ExcludeModels,
            ExcludeTies = ExcludeTies,
            Language = Language,
            DailyCapPerVoter = DailyCap,
            DedupSampledOnly = DedupSampled,
        },
        BradleyTerry = new BradleyTerryOptions { Scale = Scale, Base = Base, InitialRating = InitialRating, Reweight = Reweight ?? false },
        StyleControlOptions = new StyleControlOptions { Scale = Scale, Base = Base, InitialRating = InitialRating, Reweight = Reweight ?? true },
        Elo = new EloOptions { K = EloK, Scale = Scale, Base = Base, InitialRating = InitialRating },
    };
}
