using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;
using Modelwatch.Import.Catalog;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Catalog;

public class IdentityOverridesFileTests
{
    [Fact]
    public void Links_and_vetoes_are_read_with_their_line()
    {
        const string text = """
            # comment
            [[link]]
            source = "lmarena"
            id = "chatgpt-4o-latest-20250326"
            model = "openai/gpt-4o"
            variant = "2025-03-26"
            note = "why"

            [[never]]
            source = "*"
            id = "deepseek-llm-67b-chat"
            model = "deepseek/deepseek-chat"
            """;

        var overrides = IdentityOverridesFile.Parse(text, "o.toml");

        Assert.Equal(2, overrides.Count);
        var link = overrides[0];
        Assert.Equal(OverrideKind.Link, link.Kind);
        Assert.Equal(("lmarena", "chatgpt-4o-latest-20250326", "openai/gpt-4o", "2025-03-26"), (link.Source, link.ExternalId, link.ModelId, link.Variant));
        Assert.Equal("o.toml:2", link.Origin);
        var never = overrides[1];
        Assert.Equal(OverrideKind.Never, never.Kind);
        Assert.Null(never.Variant);
        Assert.Equal("o.toml:9", never.Origin);
        Assert.True(never.Covers("litellm", "DeepSeek-LLM-67B-Chat"));
    }

    [Theory]
    [InlineData("[[link]]\nsource = \"lmarena\"\nid = \"x\"\n", "o.toml:1: field 'model' is missing")]
    [InlineData("[[link]]\nsource = \"lmarena\"\nid = \"x\"\nmodel = \"gpt-4o\"\n", "o.toml:4: field 'model' is 'gpt-4o'; expected a canonical id <lab>/<model>")]
    [InlineData("[[link]]\nsource = \"arena\"\nid = \"x\"\nmodel = \"openai/gpt-4o\"\n", "o.toml:2: field 'source' is 'arena'; expected \"*\" or one of models.dev")]
    [InlineData("[[link]]\nsource = \"lmarena\"\nid = \"x\"\nmodel = \"openai/gpt-4o\"\nmodle = \"y\"\n", "o.toml:5: field 'modle' is not a field of a [[link]] entry")]
    [InlineData("[[never]]\nsource = \"lmarena\"\nid = \"x\"\nmodel = \"openai/gpt-4o\"\nvariant = \"high\"\n", "o.toml:5: field 'variant' is not a field of a [[never]] entry")]
    [InlineData("[[link]]\nsource = \"lmarena\"\nid = 3\nmodel = \"openai/gpt-4o\"\n", "o.toml:3: field 'id' is 3; expected a string")]
    [InlineData("[[link]]\nsource = \"lmarena\"\nid = \"\"\nmodel = \"openai/gpt-4o\"\n", "o.toml:3: field 'id' is empty")]
    [InlineData("[link]\nsource = \"lmarena\"\n", "o.toml:1: has a table [link]; expected only [[link]] and [[never]] entries")]
    [InlineData("source = \"lmarena\"\n", "o.toml:1: field 'source' is outside any entry")]
    [InlineData("[[link]]\nsource = \"lmarena\n", "o.toml:2: is not valid TOML")]
    public void A_bad_entry_names_the_file_line_and_field(string text, string expected)
    {
        var error = Assert.Throws<IdentityOverridesException>(() => IdentityOverridesFile.Parse(text, "o.toml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("o.toml", error.FileName);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_second_link_for_one_id_and_a_veto_of_a_link_are_refused()
    {
        const string twice = """
            [[link]]
            source = "lmarena"
            id = "x"
            model = "openai/gpt-4o"

            [[link]]
            source = "lmarena"
            id = "X"
            model = "openai/gpt-4.1"
            """;
        const string contradiction = """
            [[link]]
            source = "lmarena"
            id = "x"
            model = "openai/gpt-4o"

            [[never]]
            source = "lmarena"
            id = "x"
            model = "openai/gpt-4o"
            """;

        var second = Assert.Throws<IdentityOverridesException>(() => IdentityOverridesFile.Parse(twice, "o.toml"));
        var veto = Assert.Throws<IdentityOverridesException>(() => IdentityOverridesFile.Parse(contradiction, "o.toml"));

        Assert.Equal("o.toml:6: field 'id' links lmarena 'X' a second time (first at line 1).", second.Message);
        Assert.Equal("o.toml:6: field 'model' forbids the link that line 1 makes (lmarena 'x' → openai/gpt-4o).", veto.Message);
    }

    [Fact]
    public void The_embedded_file_is_the_repository_file_and_parses()
    {
        var repositoryFile = Path.Combine(SharedData.RepositoryRoot, IdentityOverridesFile.RepositoryPath);

        var embedded = IdentityOverridesFile.LoadEmbedded();
        var onDisk = IdentityOverridesFile.Load(repositoryFile);

        Assert.NotEmpty(embedded);
        Assert.Equal(onDisk.Select(o => (o.Kind, o.Source, o.ExternalId, o.ModelId, o.Variant)), embedded.Select(o => (o.Kind, o.Source, o.ExternalId, o.ModelId, o.Variant)));
        Assert.Contains(embedded, o => o.Kind == OverrideKind.Link);
        Assert.Contains(embedded, o => o.Kind == OverrideKind.Never);
        Assert.All(embedded, o => Assert.StartsWith(IdentityOverridesFile.RepositoryPath + ":", o.Origin, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "missing.toml");

        var error = Assert.Throws<IdentityOverridesException>(() => IdentityOverridesFile.Load(path));

        Assert.StartsWith(path + ": cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_path_is_read()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "mine.toml");
        File.WriteAllText(path, "[[never]]\nsource = \"litellm\"\nid = \"a\"\nmodel = \"lab/b\"\n");

        var overrides = IdentityOverridesFile.Load(path);

        Assert.Equal(new IdentityOverride(OverrideKind.Never, CatalogSources.LiteLlm, "a", "lab/b") { Origin = path + ":1" }, Assert.Single(overrides));
    }
}
