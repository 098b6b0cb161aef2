using Modelwatch.Core.Catalog;

namespace Modelwatch.Core.Tests.Catalog;

/// <summary>genai-prices' regex clause: a case-sensitive search (Python's re.search), compared by pattern.</summary>
public class CaseSensitiveRegexRuleTests
{
    [Fact]
    public void It_searches_anywhere_in_the_id_and_minds_case()
    {
        var rule = new MatchRule.CaseSensitiveRegexRule(@"grok-4\.3-\d{8}$");

        Assert.True(rule.Matches("x-ai/grok-4.3-20260101"));
        Assert.False(rule.Matches("x-ai/GROK-4.3-20260101"));
        Assert.False(rule.Matches("grok-4.3-20260101-preview"));
        Assert.True(new MatchRule.RegexRule(@"grok-4\.3-\d{8}$").Matches("x-ai/GROK-4.3-20260101")); // the other kind ignores case
    }

    [Fact]
    public void Two_rules_with_one_pattern_are_equal_and_hash_alike()
    {
        var a = new MatchRule.CaseSensitiveRegexRule("^o[134]");
        var b = new MatchRule.CaseSensitiveRegexRule("^o[134]");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new MatchRule.CaseSensitiveRegexRule("^O[134]"));
        Assert.NotEqual<MatchRule>(a, new MatchRule.RegexRule("^o[134]"));
    }
}
