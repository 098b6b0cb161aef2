using Modelwatch.Core.Arena;

namespace Modelwatch.Core.Tests.Arena;

public sealed class ArenaRulesTests
{
    [Theory]
    [InlineData("Write a Python function that reverses a linked list", "coding")]
    [InlineData("Why does this throw a null pointer exception?\n```java\nString s = null; s.length();\n```", "coding")]
    [InlineData("Solve for x: 3x + 5 = 20", "math")]
    [InlineData("What is the integral of x^2 from 0 to 1?", "math")]
    [InlineData("Write a short poem about autumn leaves", "creative_writing")]
    [InlineData("Tell me a story about a dragon who is afraid of fire", "creative_writing")]
    [InlineData("Summarise the French revolution in exactly 3 sentences", "if")]
    [InlineData("List five fruits. Respond only with JSON.", "if")]
    [InlineData("서울에서 가볼 만한 곳을 추천해 줘", "non_english")]
    [InlineData("Объясни, как работает фотосинтез", "non_english")]
    public void Guess_tags_clear_prompts(string prompt, string tag) =>
        Assert.Contains(tag, PromptCategories.Guess(prompt));

    [Theory]
    [InlineData("What is the capital of Australia?")]
    [InlineData("Bonjour, comment ça va ?")]
    [InlineData("Give me three tips for sleeping better")]
    public void Plain_questions_get_no_tag(string prompt) =>
        Assert.Empty(PromptCategories.Guess(prompt));

    [Fact]
    public void Long_prompts_are_long_queries()
    {
        Assert.DoesNotContain(PromptCategories.LongQuery, PromptCategories.Guess(new string('a', PromptCategories.LongQueryChars)));
        Assert.Contains(PromptCategories.LongQuery, PromptCategories.Guess(string.Concat(Enumerable.Repeat("word ", 401))));
    }

    [Theory]
    [InlineData("Who are you?", true)]
    [InlineData("what model are you", true)]
    [InlineData("Which LLM is this?", true)]
    [InlineData("Who created you?", true)]
    [InlineData("Are you ChatGPT?", true)]
    [InlineData("너는 누구야?", true)]
    [InlineData("어떤 모델이야?", true)]
    [InlineData("你是谁", true)]
    [InlineData("Wer bist du?", true)]
    [InlineData("Who are the founders of Rome?", false)]
    [InlineData("Which is bigger, 3 or 5?", false)]
    [InlineData("Tell me about the model T Ford", false)]
    public void Identity_questions_are_recognised(string prompt, bool asks) =>
        Assert.Equal(asks, IdentityRules.AsksIdentity(prompt));

    [Fact]
    public void Leaks_are_whole_words_of_names_or_labs()
    {
        var names = IdentityRules.NamesOf("gpt-4o-mini", "openai/gpt-4o-mini", "GPT-4o mini", "GPT-4o", "OpenAI");
        Assert.Contains("gpt", names, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("OpenAI", IdentityRules.FindLeak("I was trained by OpenAI.", names));
        Assert.Equal("Claude", IdentityRules.FindLeak("As Claude, I can't do that.", []));
        Assert.Equal("Llama", IdentityRules.FindLeak("I'm llama, a model by Meta.", []));
        Assert.NotNull(IdentityRules.FindLeak("I am gpt-4o-mini.", names));
        // Not inside other words, and not everyday words.
        Assert.Null(IdentityRules.FindLeak("The llamas grazed; the Claudette cafe served gptx fans. Search on Google.", []));
        Assert.Null(IdentityRules.FindLeak("Run the command and read the text.", [.. IdentityRules.NamesOf("command-r", "cohere/command-r").Where(n => !n.Contains('-', StringComparison.Ordinal))]));
    }

    [Fact]
    public void Draw_prefers_pairs_with_few_votes_and_never_a_self_pair()
    {
        var candidates = new[]
        {
            new DrawCandidate("a", 1000), new DrawCandidate("b", 1000), new DrawCandidate("c", 1000), new DrawCandidate("d", 1000),
        };
        // (a, b) has 0 votes, (c, d) 500, every other pair 100.
        int Votes(string x, string y) => (string.CompareOrdinal(x, y) < 0 ? (x, y) : (y, x)) switch
        {
            ("a", "b") => 0,
            ("c", "d") => 500,
            _ => 100,
        };
        var random = new Random(42);
        var drawn = new Dictionary<string, int>(StringComparer.Ordinal);
        var aFirst = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var (x, y) = PairDraw.Draw(candidates, Votes, random)!.Value;
            Assert.NotEqual(x, y);
            var key = string.Concat(new[] { candidates[x].Name, candidates[y].Name }.Order(StringComparer.Ordinal));
            drawn[key] = drawn.GetValueOrDefault(key) + 1;
            if (candidates[x].Name == "a")
            {
                aFirst++;
            }
        }

        // Expected shares: weights 1, 0.0447 and 4 × 0.0995 → ab ≈ 69%, cd ≈ 3%.
        Assert.InRange(drawn["ab"], 6_500, 7_300);
        Assert.InRange(drawn["cd"], 150, 450);
        Assert.True(drawn["ab"] > 10 * drawn["cd"]);
        // Sides in random order: "a" is side A in about half of its draws.
        var withA = drawn["ab"] + drawn.GetValueOrDefault("ac") + drawn.GetValueOrDefault("ad");
        Assert.InRange(aFirst / (double)withA, 0.45, 0.55);
    }

    [Fact]
    public void Draw_weights_new_models_and_overlapping_intervals()
    {
        var old = new DrawCandidate("old", 5000, 1200, 1220);
        var fresh = new DrawCandidate("new", 10);
        var close = new DrawCandidate("close", 5000, 1210, 1230);
        var far = new DrawCandidate("far", 5000, 1000, 1020);
        Assert.Equal(2 * PairDraw.Weight(old, far, 100), PairDraw.Weight(old, close, 100), 12);
        Assert.Equal(2 * PairDraw.Weight(old, far, 100), PairDraw.Weight(old, fresh, 100), 12);
        Assert.Null(PairDraw.Draw([old], (_, _) => 0, new Random(1)));
        Assert.Null(PairDraw.Draw([], (_, _) => 0, new Random(1)));
    }

    [Fact]
    public void Outlier_test_flags_improbable_and_one_sided_voters_only()
    {
        // Honest: picks the stronger model (1300 vs 1000, p ≈ 0.85) 17 times in 20.
        var honest = Enumerable.Range(0, 20).Select(i => i % 7 == 0 ? new VoterChoice(1000, 1300, i % 2 == 0) : new VoterChoice(1300, 1000, i % 2 == 0)).ToList();
        Assert.False(OutlierStatistic.Test(honest).Flag);
        // Contrarian: picks the weaker one 8 times in 8.
        var contrarian = Enumerable.Range(0, 8).Select(i => new VoterChoice(1000, 1300, i % 2 == 0)).ToList();
        var verdict = OutlierStatistic.Test(contrarian);
        Assert.True(verdict.Flag);
        Assert.StartsWith("improbable", verdict.Reason, StringComparison.Ordinal);
        // Side bias among equal models: 18 of 20 for A flags, 17 of 20 does not, 19 of 19 is too few votes.
        Assert.True(OutlierStatistic.Test([.. Enumerable.Range(0, 20).Select(i => new VoterChoice(0, 0, i >= 2))]).Flag);
        Assert.False(OutlierStatistic.Test([.. Enumerable.Range(0, 20).Select(i => new VoterChoice(0, 0, i >= 3))]).Flag);
        Assert.False(OutlierStatistic.Test([.. Enumerable.Range(0, 19).Select(_ => new VoterChoice(0, 0, true))]).Flag);
    }
}
