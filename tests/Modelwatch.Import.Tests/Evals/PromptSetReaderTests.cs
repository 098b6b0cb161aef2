using System.Text;
using Modelwatch.Core.Evals;
using Modelwatch.Import.Evals;

namespace Modelwatch.Import.Tests.Evals;

public sealed class PromptSetReaderTests
{
    private static IReadOnlyList<PromptRecord> Read(string content, string name = "prompts.csv") =>
        PromptSetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), name);

    private static PromptSetFileException Fails(string content, string name = "prompts.csv") =>
        Assert.Throws<PromptSetFileException>(() => Read(content, name));

    [Fact]
    public void Reads_csv_with_quoted_commas_quotes_and_line_breaks_tags_category_and_reference()
    {
        var records = Read(
            "id,prompt,tags,category,reference\r\n"
            + "sql-1,\"Write a query that joins \"\"orders\"\" and customers,\nthen groups by month.\",Coding; SQL|coding,Data,\"SELECT …\"\r\n"
            + "k2,간단히 설명해 주세요.,korean,,\r\n");
        Assert.Equal(2, records.Count);
        Assert.Equal("sql-1", records[0].Key);
        Assert.Equal("Write a query that joins \"orders\" and customers,\nthen groups by month.", records[0].Text);
        Assert.Equal(["coding", "sql", "data"], records[0].Tags);
        Assert.Equal("SELECT …", records[0].Reference);
        Assert.Equal(("k2", "간단히 설명해 주세요.", null), (records[1].Key, records[1].Text, records[1].Reference));
        Assert.Equal(["korean"], records[1].Tags);
    }

    [Theory]
    [InlineData("question")]
    [InlineData("Text")]
    [InlineData(" PROMPT ")]
    public void The_prompt_column_may_be_called_prompt_text_or_question(string header)
    {
        var records = Read($"{header}\nWhat is BM25?\n\nExplain RRF.\n");
        // Without an id column a prompt is keyed by its line; the blank line is skipped.
        Assert.Equal([("2", "What is BM25?"), ("4", "Explain RRF.")], records.Select(r => (r.Key, r.Text)));
        Assert.All(records, r => Assert.Empty(r.Tags));
    }

    [Fact]
    public void Line_keys_count_the_lines_a_quoted_prompt_spans()
    {
        var records = Read("prompt\n\"one\ntwo\nthree\"\nnext\n");
        Assert.Equal(["2", "5"], records.Select(r => r.Key));
    }

    [Fact]
    public void Reads_json_lines_ours_and_arena_hard_s_question_files_by_content_whatever_the_name()
    {
        var records = Read(
            "{\"id\": \"a\", \"prompt\": \"Sort a list in Rust.\", \"tags\": [\"Coding\", \"rust\"], \"reference\": \"v.sort();\"}\n"
            + "{\"question_id\": \"328c149ed45a41c0b9d6f14659e63599\", \"category\": \"arena-hard-v0.1\", \"cluster\": \"ABC Sequence Puzzles & Groups\", \"turns\": [{\"content\": \"Use ABC notation to write a melody in the style of a folk tune.\"}]}\n"
            + "\n"
            + "{\"uid\": 17, \"category\": \"hard_prompt\", \"subcategory\": \"coding\", \"prompt\": \"Explain monads.\", \"tags\": \"fp; haskell\"}\r\n",
            "upload.csv");
        Assert.Equal(["a", "328c149ed45a41c0b9d6f14659e63599", "17"], records.Select(r => r.Key));
        Assert.Equal("Use ABC notation to write a melody in the style of a folk tune.", records[1].Text);
        Assert.Equal(["coding", "rust"], records[0].Tags);
        Assert.Equal("v.sort();", records[0].Reference);
        Assert.Equal(["arena-hard-v0.1"], records[1].Tags);
        Assert.Equal(["fp", "haskell", "hard_prompt"], records[2].Tags);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_header()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("prompt\nHi\n")).ToArray();
        Assert.Equal("Hi", PromptSetReader.Read(new MemoryStream(bytes), "bom.csv").Single().Text);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "prompts.csv", "id,question_text\n1,Hi\n", "prompts.csv:1: prompt: the header has no prompt column" },
        { "prompts.csv", "id,prompt\n1,Hi\n2,   \n", "prompts.csv:3: prompt: the prompt is empty" },
        { "prompts.csv", "id,text\n1,Hi\n2,Hello, world\n", "prompts.csv:3: the record has 3 fields; expected 2" },
        { "prompts.csv", "id,prompt\nx,Hi\ny,Ho\nx,Hu\n", "prompts.csv:4: id: the id \"x\" was used already on line 2" },
        { "prompts.csv", "prompt\nfine\n\"never closed\nstill open\n", "prompts.csv:3: a quoted field is never closed" },
        { "set.jsonl", "{\"prompt\": \"ok\"}\n{\"prompt\": \"broken\"\n", "set.jsonl:2: the line is not valid JSON" },
        { "set.jsonl", "{\"prompt\": \"ok\"}\n\n{\"question\": \"wrong name\"}\n", "set.jsonl:3: prompt: the object has no prompt" },
        { "set.jsonl", "{\"prompt\": \"ok\", \"tags\": [\"a\", 3]}\n", "set.jsonl:1: tags[1]: the tag is a JSON number; expected a string" },
        { "set.jsonl", "{\"prompt\": \"ok\", \"id\": {\"n\": 1}}\n", "set.jsonl:1: id: the id is a JSON object" },
        { "set.jsonl", "{\"turns\": []}\n", "set.jsonl:1: turns[0].content: there is no text in the first turn" },
        { "set.jsonl", "{\"prompt\": \"a\", \"id\": 1}\n{\"prompt\": \"b\", \"question_id\": 1}\n", "set.jsonl:2: question_id: the id \"1\" was used already on line 1" },
        { "set.json", "[{\"prompt\": \"a\"}]", "set.json:1: the file is a JSON array" },
        { "empty.csv", " \n\n", "empty.csv:1: the file is empty" },
        { "header-only.csv", "prompt\n", "header-only.csv:1: the file holds no prompts" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_refused_naming_file_line_and_field(string name, string content, string expectedStart)
    {
        var error = Fails(content, name);
        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.Equal(name, error.Source);
        Assert.Contains("expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused_at_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("prompt\nfine\n").Concat(new byte[] { 0x63, 0x61, 0x66, 0xE9, 0x0A }).ToArray();
        var error = Assert.Throws<PromptSetFileException>(() => PromptSetReader.Read(new MemoryStream(bytes), "latin1.csv"));
        Assert.StartsWith("latin1.csv:3: the text is not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_over_long_id_is_refused()
    {
        var error = Fails($"id,prompt\n{new string('k', 129)},Hi\n");
        Assert.Equal((2L, "id"), (error.Line, error.Field));
    }
}
