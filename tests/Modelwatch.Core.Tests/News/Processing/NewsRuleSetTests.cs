using Modelwatch.Core.News.Processing;

namespace Modelwatch.Core.Tests.News.Processing;

public sealed class NewsRuleSetTests
{
    [Fact]
    public void Keywords_match_whole_words_in_any_case()
    {
        var rules = new NewsRuleSet([new NewsRuleSpec("crypto", false, true, 0, null)]);
        Assert.True(rules.Evaluate(1, "Crypto exchange adds an AI assistant", null).Muted);
        Assert.True(rules.Evaluate(1, "Quiet title", "the CRYPTO angle").Muted);
        Assert.False(rules.Evaluate(1, "Cryptography of model weights", null).Muted);
    }

    [Fact]
    public void Phrases_tolerate_spacing_and_symbols_at_the_edges()
    {
        var rules = new NewsRuleSet([new NewsRuleSpec("open  weights", false, false, 2, null), new NewsRuleSpec("C++", false, false, 1, null)]);
        Assert.Equal(2, rules.Evaluate(1, "Open weights for all", null).Boost);
        Assert.Equal(1, rules.Evaluate(1, "A C++ runtime", null).Boost);
        Assert.Equal(0, rules.Evaluate(1, "Opening weights", null).Boost);
    }

    [Fact]
    public void Boosts_add_up_mutes_win_and_source_rules_apply_to_their_source_only()
    {
        var rules = new NewsRuleSet(
        [
            new NewsRuleSpec("llama", false, false, 1.5, null),
            new NewsRuleSpec(@"\bgguf\b", true, false, -0.5, null),
            new NewsRuleSpec("giveaway", false, true, 0, 7),
        ]);
        var verdict = rules.Evaluate(3, "Llama 4 GGUF files", null);
        Assert.Equal(new RuleVerdict(false, 1.0), verdict);
        Assert.True(rules.Evaluate(7, "GPU giveaway", null).Muted);
        Assert.False(rules.Evaluate(8, "GPU giveaway", null).Muted);
    }

    [Fact]
    public void An_invalid_regex_is_refused_naming_the_pattern()
    {
        var e = Assert.Throws<ArgumentException>(() => new NewsRuleSet([new NewsRuleSpec("ok", false, true, 0, null), new NewsRuleSpec("(unclosed", true, true, 0, null)]));
        Assert.Contains("(unclosed", e.Message, StringComparison.Ordinal);
        Assert.Contains("rule 2", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new NewsRuleSet([new NewsRuleSpec("  ", false, true, 0, null)]));
        Assert.Throws<ArgumentException>(() => new NewsRuleSet([new NewsRuleSpec("x", false, false, double.NaN, null)]));
    }

    [Fact]
    public void A_runaway_regex_times_out_as_no_match()
    {
        // Nested quantifiers backtrack exponentially on a near-miss: 2^40 steps, far beyond the time limit.
        var rules = new NewsRuleSet([new NewsRuleSpec("^(a+)+$", true, true, 0, null), new NewsRuleSpec("boost", false, false, 1, null)]);
        var verdict = rules.Evaluate(1, new string('a', 40) + "!", "boost");
        Assert.False(verdict.Muted);
        Assert.Equal(1, verdict.Boost);
        Assert.Equal(1, rules.TimedOut);
    }
}
