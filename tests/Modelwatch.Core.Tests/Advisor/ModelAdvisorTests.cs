using System.Text.Json;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Catalog;
using static Modelwatch.Core.Tests.Advisor.Candidates;

namespace Modelwatch.Core.Tests.Advisor;

public sealed class ModelAdvisorTests
{
    /// <summary>The arena's rank: 1 + the models whose lower bound is above this one's upper bound.</summary>
    private static int IntervalRank(AdvisorCandidate model, IEnumerable<AdvisorCandidate> all) =>
        1 + all.Count(o => o.Quality!.Lower > model.Quality!.Upper);

    [Fact]
    public void With_quality_alone_the_position_is_the_interval_rank_and_overlapping_picks_are_tied()
    {
        AdvisorCandidate[] models = [Model("a", 1300), Model("b", 1295), Model("c", 1250), Model("d", 1262, halfWidth: 20), Model("e", 1100)];

        var result = Recommend(QualityOnly(), models);

        Assert.Equal(["a", "b", "d", "c", "e"], result.Picks.Select(p => p.Candidate.ModelId));
        foreach (var pick in result.Picks)
        {
            Assert.Equal(IntervalRank(pick.Candidate, models), pick.Position);
        }

        // a (1290–1310) and b (1285–1305) overlap: both first, each tied with the other. d (1242–1282) overlaps c
        // (1240–1260) but not b: both third (a and b are clearly ahead of each), tied with each other only.
        Assert.Equal(result.Picks[0].Position, result.Picks[1].Position);
        Assert.Equal(["b"], result.Picks[0].TiedWith);
        Assert.Equal(["a"], result.Picks[1].TiedWith);
        Assert.Equal(["c"], result.Picks.Single(p => p.Candidate.ModelId == "d").TiedWith);
        Assert.Empty(result.Picks.Single(p => p.Candidate.ModelId == "e").TiedWith);
        Assert.False(result.Picks.Single(p => p.Candidate.ModelId == "e").Tied);
    }

    [Fact]
    public void Picks_with_the_same_position_always_overlap_and_list_each_other()
    {
        var random = new Random(7);
        var models = Enumerable.Range(0, 40).Select(i => Model($"m{i:00}", 1000 + random.Next(0, 300), halfWidth: random.Next(1, 40))).ToArray();

        var result = Recommend(QualityOnly(picks: 40), models);

        foreach (var a in result.Picks)
        {
            foreach (var b in result.Picks.Where(b => b != a))
            {
                var overlap = a.ScoreLow <= b.ScoreHigh && b.ScoreLow <= a.ScoreHigh;
                Assert.Equal(overlap, a.TiedWith.Contains(b.Candidate.ModelId));
                Assert.Equal(a.TiedWith.Contains(b.Candidate.ModelId), b.TiedWith.Contains(a.Candidate.ModelId));
                if (a.Position == b.Position)
                {
                    Assert.Contains(b.Candidate.ModelId, a.TiedWith);
                }
            }
        }

        Assert.Equal(result.Picks.OrderBy(p => p.Position).ThenByDescending(p => p.Score).Select(p => p.Candidate.ModelId), result.Picks.Select(p => p.Candidate.ModelId));
    }

    [Fact]
    public void Quality_is_normalised_from_the_lowest_lower_bound_to_the_highest_upper_bound()
    {
        var result = Recommend(QualityOnly(), Model("a", 1300), Model("c", 1250));

        // Scale 1240 → 0, 1310 → 1.
        var a = result.Picks[0];
        var c = result.Picks[1];
        Assert.Equal((1300 - 1240) / 70.0, a.Score, 12);
        Assert.Equal(1.0, a.ScoreHigh, 12);
        Assert.Equal(0.0, c.ScoreLow, 12);
        Assert.Equal((1250 - 1240) / 70.0, c.Score, 12);
    }

    [Fact]
    public void Price_counts_on_a_log_scale_cheapest_best_and_unknown_or_free_neutral()
    {
        var request = QualityOnly() with { Weights = new(0, 1, 0) };

        var result = Recommend(request, Model("one", 1200, input: 1m, output: 1m), Model("ten", 1200, input: 10m, output: 10m),
            Model("hundred", 1200, input: 100m, output: 100m), Model("unpriced", 1200, input: null, output: null), Model("free", 1200, input: 0m, output: 0m));

        var score = result.Picks.ToDictionary(p => p.Candidate.ModelId, p => p.Score);
        Assert.Equal(1.0, score["one"], 12);
        Assert.Equal(0.5, score["ten"], 12);
        Assert.Equal(0.0, score["hundred"], 12);
        Assert.Equal(0.5, score["unpriced"], 12);
        Assert.Equal(0.5, score["free"], 12);
        Assert.Contains(result.Picks.Single(p => p.Candidate.ModelId == "unpriced").TradeOffs, t => t.Kind == TradeOffKind.UnknownPrice);
        Assert.Contains(result.Picks.Single(p => p.Candidate.ModelId == "free").TradeOffs, t => t.Kind == TradeOffKind.UnknownPrice);
        Assert.Contains(result.Notes, n => n.StartsWith("2 eligible model(s) have no price", StringComparison.Ordinal));
        Assert.Equal("one", result.Picks[0].Candidate.ModelId);
    }

    [Fact]
    public void Speed_counts_on_a_log_scale_fastest_best_and_unmeasured_neutral()
    {
        var request = QualityOnly() with { Weights = new(0, 0, 1) };

        var result = Recommend(request, Model("slow", 1200) with { Speed = new SpeedEvidence(1, 10, 5) },
            Model("fast", 1200) with { Speed = new SpeedEvidence(1, 100, 5) }, Model("unmeasured", 1200));

        var score = result.Picks.ToDictionary(p => p.Candidate.ModelId, p => p.Score);
        Assert.Equal(0.0, score["slow"], 12);
        Assert.Equal(1.0, score["fast"], 12);
        Assert.Equal(0.5, score["unmeasured"], 12);
        Assert.Contains(result.Picks.Single(p => p.Candidate.ModelId == "unmeasured").TradeOffs, t => t.Kind == TradeOffKind.UnknownSpeed);
        Assert.Contains(result.Picks.Single(p => p.Candidate.ModelId == "slow").TradeOffs, t => t is { Kind: TradeOffKind.Slower, Amount: 10, ComparedWith: "fast" });
    }

    [Fact]
    public void The_score_is_the_weighted_mean_of_the_axes()
    {
        var request = QualityOnly() with { Weights = new(2, 1, 0) };

        var result = Recommend(request, Model("best-dear", 1300, input: 10m, output: 10m), Model("worst-cheap", 1250, input: 1m, output: 1m));

        // Quality on 1240…1310; price: $1 → 1, $10 → 0.
        var dear = result.Picks.Single(p => p.Candidate.ModelId == "best-dear");
        var cheap = result.Picks.Single(p => p.Candidate.ModelId == "worst-cheap");
        Assert.Equal(((2 * (60 / 70.0)) + 0) / 3, dear.Score, 12);
        Assert.Equal(((2 * (10 / 70.0)) + 1) / 3, cheap.Score, 12);
        Assert.Equal(((2 * (0 / 70.0)) + 1) / 3, cheap.ScoreLow, 12);
    }

    [Fact]
    public void Excluded_models_carry_every_reason_and_appear_nowhere_else()
    {
        var request = QualityOnly() with { Constraints = new AdvisorConstraints { SelfHost = true, MinContext = 200_000 } };
        var closed = Model("closed", 1400) with { Licence = LicenceClass.Proprietary, ContextWindow = 100_000 };
        var unrated = Model("unrated", 1300) with { Quality = null };

        var result = Recommend(request, Model("open", 1200), closed, unrated);

        Assert.Equal(1, result.Eligible);
        Assert.Equal(["open"], result.Picks.Select(p => p.Candidate.ModelId));
        Assert.Equal(["open"], result.Plot.Select(p => p.ModelId));
        var excluded = result.Excluded.ToDictionary(e => e.ModelId);
        Assert.Equal(["self-host", "context"], excluded["closed"].Violations.Select(v => v.Constraint));
        Assert.Equal(["quality"], excluded["unrated"].Violations.Select(v => v.Constraint));
    }

    [Fact]
    public void The_use_case_implied_constraints_apply_and_are_noted_but_the_request_is_echoed_as_asked()
    {
        var request = new AdvisorRequest { UseCase = UseCase.Multimodal, Weights = new(1, 0, 0) };
        var textOnly = Model("text-only", 1400) with { InputModalities = ["text"] };

        var result = Recommend(request, Model("vision", 1200), textOnly);

        Assert.Equal(["vision"], result.Picks.Select(p => p.Candidate.ModelId));
        Assert.Equal("input-modality", Assert.Single(Assert.Single(result.Excluded).Violations).Constraint);
        Assert.Contains(result.Notes, n => n.Contains("image input", StringComparison.Ordinal));
        Assert.Same(request, result.Request);
        Assert.Equal(UseCaseMap.For(UseCase.Multimodal).Benchmarks, result.Benchmarks);
    }

    [Fact]
    public void Trade_offs_compare_with_the_best_eligible_model_on_each_axis()
    {
        var best = Model("best", 1300, input: 10m, output: 10m);
        var cheap = Model("cheap", 1200, input: 2m, output: 2m) with
        {
            ContextWindow = 32_000,
            Licence = LicenceClass.Proprietary,
            ToolCalling = null,
        };
        var close = Model("close", 1295, input: 4m, output: 4m);

        var result = Recommend(QualityOnly(), best, cheap, close);
        var offs = result.Picks.ToDictionary(p => p.Candidate.ModelId, p => p.TradeOffs);

        Assert.Contains(offs["cheap"], t => t is { Kind: TradeOffKind.LowerQuality, Amount: 100, ComparedWith: "best" });
        Assert.Contains(offs["cheap"], t => t is { Kind: TradeOffKind.SmallerContext, Amount: 32_000, ComparedWith: "best" });
        Assert.Contains(offs["cheap"], t => t.Kind == TradeOffKind.NotSelfHostable);
        Assert.Contains(offs["cheap"], t => t.Kind == TradeOffKind.NoToolCalling);
        Assert.Contains(offs["best"], t => t is { Kind: TradeOffKind.HigherPrice, Amount: 5, ComparedWith: "cheap" });

        // Within the best model's interval: tied, so no quality is given up.
        Assert.DoesNotContain(offs["close"], t => t.Kind == TradeOffKind.LowerQuality);
        Assert.DoesNotContain(offs["cheap"], t => t.Kind == TradeOffKind.HigherPrice);
        Assert.DoesNotContain(offs["best"], t => t.Kind is TradeOffKind.LowerQuality or TradeOffKind.NotSelfHostable or TradeOffKind.UnknownSpeed);
    }

    [Fact]
    public void The_cheaper_alternative_is_the_best_rated_cheaper_model_and_the_more_capable_one_the_cheapest_clearly_better()
    {
        var top = Model("top", 1400, input: 20m, output: 20m);
        var topCheap = Model("top-cheap", 1395, input: 8m, output: 8m);
        var mid = Model("mid", 1300, input: 5m, output: 5m);
        var low = Model("low", 1200, input: 1m, output: 1m);
        var lowest = Model("lowest", 1100, input: 0.5m, output: 0.5m);

        var result = Recommend(QualityOnly(), top, topCheap, mid, low, lowest);
        var picks = result.Picks.ToDictionary(p => p.Candidate.ModelId);

        Assert.Equal("top-cheap", picks["top"].Cheaper?.ModelId);
        Assert.Equal("mid", picks["top-cheap"].Cheaper?.ModelId);
        Assert.Null(picks["lowest"].Cheaper);
        Assert.Equal("top-cheap", picks["mid"].MoreCapable?.ModelId);
        Assert.Equal("mid", picks["low"].MoreCapable?.ModelId);
        Assert.Null(picks["top"].MoreCapable);

        // top-cheap's interval (1385–1405) overlaps top's: top is not clearly more capable.
        Assert.Null(picks["top-cheap"].MoreCapable);
        Assert.Equal(8m, picks["top"].Cheaper!.PricePerMillion);
        Assert.Equal(1395, picks["top"].Cheaper!.Rating);
    }

    [Fact]
    public void The_plot_holds_every_priced_eligible_model_with_the_pareto_front_and_the_picks_marked()
    {
        var request = QualityOnly(picks: 2);

        var result = Recommend(request, Model("a", 1300, input: 10m, output: 10m), Model("b", 1295, input: 1m, output: 1m),
            Model("c", 1250, input: 5m, output: 5m), Model("unpriced", 1350, input: null, output: null), Model("free", 1200, input: 0m, output: 0m));

        Assert.Equal(["b", "c", "a"], result.Plot.Select(p => p.ModelId));
        Assert.Equal(["b", "a"], result.Plot.Where(p => p.OnParetoFront).Select(p => p.ModelId));
        Assert.Equal(result.Picks.Select(p => p.Candidate.ModelId).Where(id => result.Plot.Any(p => p.ModelId == id)).Order(), result.Plot.Where(p => p.Picked).Select(p => p.ModelId).Order());
        Assert.Contains(result.Notes, n => n.StartsWith("1 eligible model(s) priced $0", StringComparison.Ordinal));
        var a = result.Plot.Single(p => p.ModelId == "a");
        Assert.Equal((1290.0, 1300.0, 1310.0, 10m), (a.Lower, a.Rating, a.Upper, a.PricePerMillion));
    }

    [Fact]
    public void The_short_list_has_as_many_picks_as_asked_and_the_monthly_cost_at_the_stated_volume()
    {
        var request = QualityOnly(picks: 2) with { Constraints = new AdvisorConstraints { Monthly = new MonthlyBudget(1000m, 2_000_000, 1_000_000) } };

        var result = Recommend(request, Model("a", 1300, input: 3m, output: 15m), Model("b", 1200), Model("c", 1100));

        Assert.Equal(2, result.Picks.Count);
        Assert.Equal(3, result.Eligible);
        Assert.Equal(21m, result.Picks[0].MonthlyCost);
        Assert.Equal(6m, result.Picks[0].PricePerMillion);
    }

    [Fact]
    public void Intervals_missing_or_broken_become_the_point_estimate_and_nothing_is_ever_NaN()
    {
        var noInterval = Model("a", 1300) with { Quality = Model("a", 1300).Quality! with { Lower = double.NaN, Upper = double.PositiveInfinity } };
        var single = Recommend(QualityOnly(), noInterval);

        var json = JsonSerializer.Serialize(single);
        var pick = Assert.Single(single.Picks);
        Assert.Equal((1.0, 1.0, 1.0), (pick.Score, pick.ScoreLow, pick.ScoreHigh));
        Assert.Equal((1300.0, 1300.0), (single.Plot[0].Lower, single.Plot[0].Upper));
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);

        var empty = Recommend(QualityOnly(), Model("x", 1200) with { Quality = null });
        Assert.Empty(empty.Picks);
        Assert.Empty(empty.Plot);
        Assert.Equal(0, empty.Eligible);
        JsonSerializer.Serialize(empty);
    }

    [Fact]
    public void All_weights_zero_ranks_by_quality_and_says_so_and_bad_weights_or_pick_counts_are_refused()
    {
        var result = Recommend(QualityOnly() with { Weights = new(0, 0, 0) }, Model("b", 1200, input: 1m, output: 1m), Model("a", 1300, input: 50m, output: 50m));

        Assert.Equal("a", result.Picks[0].Candidate.ModelId);
        Assert.Contains(result.Notes, n => n.Contains("quality alone", StringComparison.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => Recommend(QualityOnly() with { Weights = new(1, -1, 0) }, Model("a", 1300)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Recommend(QualityOnly() with { Weights = new(double.NaN, 0, 0) }, Model("a", 1300)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Recommend(QualityOnly(picks: 0), Model("a", 1300)));
    }

    [Fact]
    public void The_loader_notes_come_first_and_the_source_and_category_are_echoed()
    {
        var result = ModelAdvisor.Recommend(QualityOnly(), [Model("a", 1300)], "hard_6", "dataset:votes", ["No 'coding' board."]);

        Assert.Equal("No 'coding' board.", result.Notes[0]);
        Assert.Equal("hard_6", result.Category);
        Assert.Equal("dataset:votes", result.RatingSource);
    }
}
