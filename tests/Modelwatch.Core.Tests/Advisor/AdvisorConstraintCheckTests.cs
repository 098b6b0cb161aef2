using Modelwatch.Core.Advisor;
using Modelwatch.Core.Catalog;
using static Modelwatch.Core.Tests.Advisor.Candidates;

namespace Modelwatch.Core.Tests.Advisor;

public sealed class AdvisorConstraintCheckTests
{
    private static readonly AdvisorConstraints Everything = new()
    {
        SelfHost = true,
        Commercial = true,
        MinContext = 128_000,
        InputModalities = ["image"],
        OutputModalities = ["audio"],
        ToolCalling = true,
        MaxPricePerMillion = 2m,
        Monthly = new MonthlyBudget(10m, 1_000_000, 1_000_000),
        MaxLatencySeconds = 1.0,
    };

    private static readonly string[] Order = ["self-host", "context", "input-modality", "output-modality", "tool-calling", "price", "monthly-budget", "latency"];

    private static string[] Failed(AdvisorCandidate candidate, AdvisorConstraints constraints) =>
        [.. AdvisorConstraintCheck.Violations(candidate, constraints, Category).Select(v => v.Constraint)];

    [Fact]
    public void A_model_meeting_every_constraint_has_no_violation()
    {
        var model = Model("a", 1200) with { OutputModalities = ["text", "audio"], Speed = new SpeedEvidence(0.5, 80, 12) };

        Assert.Empty(Failed(model, Everything));
    }

    [Fact]
    public void Every_failed_constraint_is_listed_not_only_the_first()
    {
        var model = Model("a", 1200, input: 3m, output: 30m) with
        {
            Licence = LicenceClass.Proprietary,
            LicenceId = null,
            ContextWindow = 32_768,
            InputModalities = ["text"],
            OutputModalities = ["text"],
            ToolCalling = false,
            Speed = new SpeedEvidence(2.5, 40, 3),
        };

        var violations = AdvisorConstraintCheck.Violations(model, Everything, Category);

        // Everything but commercial: a proprietary model's API is sold for commercial use.
        Assert.Equal(Order.Order(StringComparer.Ordinal), violations.Select(v => v.Constraint).Order(StringComparer.Ordinal));
        Assert.Contains(violations, v => v.Constraint == "context" && v.Detail == "context 32,768 < 128,000");
        Assert.Contains(violations, v => v.Constraint == "price" && v.Detail.Contains("$9.75", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Constraint == "monthly-budget" && v.Detail.Contains("$33", StringComparison.Ordinal));
    }

    [Fact]
    public void What_the_catalog_does_not_know_fails_the_constraint()
    {
        var unknown = Model("a", 1200, input: null, output: null) with
        {
            Licence = LicenceClass.Unknown,
            LicenceId = null,
            ContextWindow = null,
            InputModalities = [],
            OutputModalities = [],
            ToolCalling = null,
        };

        var violations = AdvisorConstraintCheck.Violations(unknown, Everything, Category);

        Assert.Equal(Order.Prepend("commercial").Order(StringComparer.Ordinal), violations.Select(v => v.Constraint).Order(StringComparer.Ordinal));
        Assert.Contains(violations, v => v.Detail == "licence unknown: no source states it");
        Assert.Contains(violations, v => v.Detail == "context window unknown");
        Assert.Contains(violations, v => v.Detail == "tool calling unknown");
        Assert.Contains(violations, v => v.Detail == "time to first token not measured by this instance");
    }

    [Fact]
    public void Text_is_never_a_missing_modality()
    {
        var model = Model("a", 1200) with { InputModalities = [], OutputModalities = [] };

        Assert.Empty(Failed(model, new AdvisorConstraints { InputModalities = ["text"], OutputModalities = ["Text"] }));
    }

    [Fact]
    public void Non_commercial_open_weights_can_be_self_hosted_but_fail_commercial()
    {
        var model = Model("a", 1200) with { Licence = LicenceClass.OpenWeights, LicenceId = "CC-BY-NC-4.0" };

        Assert.Empty(Failed(model, new AdvisorConstraints { SelfHost = true }));
        Assert.Equal(["commercial"], Failed(model, new AdvisorConstraints { Commercial = true }));
    }

    [Fact]
    public void Limits_are_inclusive()
    {
        // Blended (3·1 + 5)/4 = 2; monthly 1M·1 + 1M·5 = $6; context exactly 128,000; latency exactly 1 s.
        var model = Model("a", 1200, input: 1m, output: 5m) with { ContextWindow = 128_000, Speed = new SpeedEvidence(1.0, null, 1) };

        Assert.Empty(Failed(model, new AdvisorConstraints
        {
            MinContext = 128_000,
            MaxPricePerMillion = 2m,
            Monthly = new MonthlyBudget(6m, 1_000_000, 1_000_000),
            MaxLatencySeconds = 1.0,
        }));
    }

    [Fact]
    public void A_model_without_a_rating_on_the_board_fails_quality_naming_the_category()
    {
        var unrated = Model("a", 1200) with { Quality = null };
        var notANumber = Model("b", double.NaN);

        var violation = Assert.Single(AdvisorConstraintCheck.Violations(unrated, new AdvisorConstraints(), Category));
        Assert.Equal("quality", violation.Constraint);
        Assert.Contains("'coding'", violation.Detail, StringComparison.Ordinal);
        Assert.Equal(["quality"], Failed(notANumber, new AdvisorConstraints()));
    }
}
