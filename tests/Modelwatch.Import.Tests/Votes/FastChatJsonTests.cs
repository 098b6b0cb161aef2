using Modelwatch.Core.Votes;
using Modelwatch.Import.Votes;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>FastChat's <c>clean_battle</c> objects with every metadata field, as a JSON array and as JSON Lines.</summary>
public class FastChatJsonTests
{
    private const string FirstBattle = """
        {"question_id": "q1", "model_a": "gpt-4-0613", "model_b": "claude-2.1", "winner": "tie (bothbad)",
         "judge": "arena_user_1", "turn": 2, "anony": true, "language": "English", "tstamp": 1700000000.1234,
         "conv_metadata": {"sum_user_tokens": 12, "sum_assistant_a_tokens": 100, "sum_assistant_b_tokens": 80,
           "context_a_tokens": 5, "context_b_tokens": 6, "turns": 2,
           "header_count_a": {"h1": 1, "h2": 2, "h3": 0, "h4": 0, "h5": 0, "h6": 0},
           "list_count_a": {"ordered": 3, "unordered": 4}, "bold_count_a": {"**": 5, "__": 1},
           "header_count_b": {"h1": 0, "h2": 0, "h3": 0, "h4": 0, "h5": 0, "h6": 0},
           "list_count_b": {"ordered": 0, "unordered": 1}, "bold_count_b": {"**": 2, "__": 0}},
         "is_code": false, "is_refusal": true,
         "dedup_tag": {"high_freq": false, "sampled": true},
         "category_tag": {"criteria_v0.1": {"specificity": true, "domain_knowledge": true, "complexity": false, "problem_solving": true,
             "creativity": false, "technical_accuracy": true, "real_world": true},
           "if_v0.1": {"if": true, "score": 4}, "math_v0.1": {"math": false},
           "creative_writing_v0.1": {"creative_writing": false, "score": "no"}}}
        """;

    private const string SecondBattle = """
        {"question_id": "q\u0032", "model_a": "claude-2.1", "model_b": "gpt-4-0613", "winner": "model_b",
         "judge": "arena_user_2", "turn": 1, "anony": false, "language": "German", "tstamp": 1700000100,
         "dedup_tag": {"high_freq": true, "sampled": false}, "conv_metadata": null}
        """;

    [Fact]
    public void A_clean_battle_array_fills_every_vote_field()
    {
        var result = Votes.ReadText($"[\n{FirstBattle},\n{SecondBattle}\n]\n", "clean_battle_20240814.json");

        Assert.Equal(VoteFileFormat.JsonArray, result.Format);
        AssertBattles(result.Votes);
        Assert.Equal([2L, 16L], result.Votes.SourceLines.ToArray()); // "[" is line 1; the first object spans 14 lines
    }

    [Fact]
    public void The_same_battles_as_json_lines_give_the_same_votes()
    {
        var jsonl = OneLine(FirstBattle) + "\n" + OneLine(SecondBattle) + "\n";

        var result = Votes.ReadText(jsonl, "battles.jsonl");

        Assert.Equal(VoteFileFormat.JsonLines, result.Format);
        AssertBattles(result.Votes);
        Assert.Equal([1L, 2L], result.Votes.SourceLines.ToArray());
    }

    [Fact]
    public void Escaped_names_are_unescaped_before_interning()
    {
        var votes = Votes.ReadText("{\"model_a\": \"gpt\\u002d4\", \"model_b\": \"gpt-4\", \"winner\": \"model_\\u0061\"}\n").Votes;

        Assert.Equal(["gpt-4"], votes.Models.Names);
        Assert.Equal(Winner.ModelA, votes.Winners[0]);
    }

    [Fact]
    public void Objects_bigger_than_the_read_buffer_are_read_whole()
    {
        var padding = new string('p', 3_000_000);
        var json = $"[{{\"model_a\": \"x\", \"conversation_a\": [{{\"role\": \"user\", \"content\": \"{padding}\"}}], \"model_b\": \"y\", \"winner\": \"tie\"}}, {{\"model_a\": \"y\", \"model_b\": \"x\", \"winner\": \"model_a\"}}]";

        var result = Votes.ReadText(json, "big.json");

        Assert.Equal(2, result.Votes.Count);
        Assert.Equal(["x", "y"], result.Votes.Models.Names);
        Assert.Empty(result.Votes.TagNames);
    }

    private static string OneLine(string json) => json.ReplaceLineEndings(" ");

    private static void AssertBattles(VoteTable votes)
    {
        Assert.Equal(2, votes.Count);
        Assert.Equal(["gpt-4-0613", "claude-2.1"], votes.Models.Names);
        Assert.Equal([Winner.BothBad, Winner.ModelB], votes.Winners.ToArray());
        Assert.Equal([1_700_000_000_123L, 1_700_000_100_000L], votes.TimestampsMs.ToArray());
        Assert.Equal(["arena_user_1", "arena_user_2"], votes.JudgeIds.ToArray().Select(j => votes.Judges[j]));
        Assert.Equal(["English", "German"], votes.LanguageIds.ToArray().Select(l => votes.Languages[l]));
        Assert.Equal([(sbyte)1, (sbyte)0], votes.Anonymous.ToArray());
        Assert.Equal([(short)2, (short)1], votes.Turns.ToArray());
        Assert.Equal([(sbyte)1, (sbyte)0], votes.DedupSampled.ToArray());
        Assert.Equal(new StyleCounts(TokensA: 100, TokensB: 80, HeadersA: 3, HeadersB: 0, ListsA: 7, ListsB: 1, BoldA: 6, BoldB: 2), votes.Style[0]);
        Assert.Equal(StyleCounts.Unknown, votes.Style[1]); // a vote without metadata is unknown, not two empty answers

        var expectedTags = new[] { "specificity", "domain_knowledge", "problem_solving", "technical_accuracy", "real_world", "if", "is_refusal" };
        var allTags = expectedTags.Concat(["complexity", "creativity", "math", "creative_writing", "is_code"]);
        Assert.Equal(allTags.Order(StringComparer.Ordinal), votes.TagNames.Order(StringComparer.Ordinal));
        var set = votes.TagNames.Where(t => ((votes.Tags[0] >> votes.TagBit(t)) & 1) == 1);
        Assert.Equal(expectedTags.Order(StringComparer.Ordinal), set.Order(StringComparer.Ordinal));
        Assert.Equal(0UL, votes.Tags[1]);
    }
}
