using Modelwatch.Core.Votes;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>Flat columns are tags while their values are booleans; a late non-boolean removes the tag from every vote.</summary>
public class TagColumnTests
{
    [Fact]
    public void A_column_that_turns_out_not_boolean_is_dropped_and_the_other_tags_keep_their_votes()
    {
        const string csv = """
            id,model_a,model_b,winner,first,middle,last
            1,a,b,tie,1,1,0
            2,a,b,tie,0,true,1
            3,a,b,tie,TRUE,,1
            4,a,b,tie,false,yes,1
            5,a,b,tie,1,0,0
            """;

        var result = Votes.ReadText(csv);
        var votes = result.Votes;

        Assert.Equal(["first", "last"], votes.TagNames);
        Assert.Equal(-1, votes.TagBit("middle"));
        Assert.Equal([true, false, true, false, true], Flags(votes, "first"));
        Assert.Equal([false, true, true, true, false], Flags(votes, "last"));
        var note = Assert.Single(result.Notes);
        Assert.Equal("'middle' is not a category tag: on line 5 it holds 'yes', not a boolean (0/1/true/false).", note);
    }

    [Fact]
    public void Known_id_columns_are_never_tags_even_with_only_zeros_and_ones()
    {
        var votes = Votes.ReadText("row,question_id,model_a,model_b,winner,is_code\n0,1,a,b,tie,1\n1,0,a,b,tie,0\n").Votes;

        Assert.Equal(["is_code"], votes.TagNames);
    }

    [Fact]
    public void Json_flat_booleans_and_nested_category_tags_share_one_tag_space()
    {
        const string json = """
            [
              {"model_a": "a", "model_b": "b", "winner": "tie", "is_refusal": false, "is_code": 1,
               "category_tag": {"criteria_v0.1": {"specificity": true, "complexity": false}, "math_v0.1": {"math": true}, "if_v0.1": {"if": false, "score": 3}}},
              {"model_a": "a", "model_b": "b", "winner": "tie", "is_refusal": true, "is_code": "0",
               "category_tag": {"criteria_v0.1": {"specificity": false, "complexity": true}, "math_v0.1": {"math": false}, "if_v0.1": {"if": true, "score": 5}}}
            ]
            """;

        var votes = Votes.ReadText(json, "tags.json").Votes;

        Assert.Equal(["complexity", "if", "is_code", "is_refusal", "math", "specificity"], votes.TagNames.Order(StringComparer.Ordinal));
        Assert.Equal([false, true], Flags(votes, "is_refusal"));
        Assert.Equal([true, false], Flags(votes, "is_code"));
        Assert.Equal([true, false], Flags(votes, "specificity"));
        Assert.Equal([false, true], Flags(votes, "complexity"));
        Assert.Equal([true, false], Flags(votes, "math"));
        Assert.Equal([false, true], Flags(votes, "if"));
    }

    private static bool[] Flags(VoteTable votes, string tag)
    {
        var bit = votes.TagBit(tag);
        Assert.True(bit >= 0, $"no tag '{tag}'");
        return votes.Tags.ToArray().Select(t => ((t >> bit) & 1) == 1).ToArray();
    }
}
