using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Catalog.ModelsDev;

/// <summary>The same tree unpacked into a folder (a checkout), and what a damaged file in it does.</summary>
public class ModelsDevDirectoryTests
{
    [Fact]
    public void The_unpacked_tarball_read_as_a_directory_gives_the_same_batch()
    {
        var fromTarball = ModelsDevData.Batch();
        using var temp = new TempDirectory();
        var root = ModelsDevData.Extract(temp.Path);

        // The folder holding models.dev/ is found one level up as well as at the tree root itself.
        foreach (var path in (string[])[root, temp.Path])
        {
            var fromDirectory = ModelsDevData.Read(path);

            Assert.Equal(ModelsDevData.Content(fromTarball), ModelsDevData.Content(fromDirectory));
            Assert.Equal(path, fromDirectory.Location);

            // No .git folder, so no commit; the tarball's came from its pax header.
            Assert.Null(fromDirectory.SourceVersion);
        }
    }

    [Fact]
    public void A_checkouts_commit_is_read_from_dot_git()
    {
        SharedData.File(ModelsDevData.RelativePath);
        using var temp = new TempDirectory();
        var root = ModelsDevData.Extract(temp.Path);
        const string Commit = "0123456789abcdef0123456789abcdef01234567";
        Directory.CreateDirectory(Path.Combine(root, ".git", "refs", "heads"));
        File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/dev\n");
        File.WriteAllText(Path.Combine(root, ".git", "refs", "heads", "dev"), Commit + "\n");

        Assert.Equal(Commit, ModelsDevData.Read(root).SourceVersion);
    }

    [Fact]
    public void Damaged_files_are_reported_by_file_line_and_field_and_the_rest_imports()
    {
        var original = ModelsDevData.Batch();
        using var temp = new TempDirectory();
        var root = ModelsDevData.Extract(temp.Path);
        var providers = Path.Combine(root, "providers");

        // A syntax error on line 4; providers/vercel/models/openai/gpt-5.toml links to this file.
        File.WriteAllText(Path.Combine(providers, "openai", "models", "gpt-5.toml"),
            "base_model = \"openai/gpt-5\"\n\n[cost]\ninput = = 1.25\noutput = 10\n");

        // A key defined twice (lines 1 and 2): TOML forbids it, even where a parser would keep the last value.
        var grok = Path.Combine(providers, "xai", "models", "grok-4.20-0309-reasoning.toml");
        File.WriteAllText(grok, "name = \"Grok again\"\n" + File.ReadAllText(grok));

        // A price as a string on line 5: that field is reported and absent, the offering stays.
        var copilot = Path.Combine(providers, "github-copilot", "models", "gpt-5.4.toml");
        File.WriteAllText(copilot, File.ReadAllText(copilot).Replace("input = 2.5\n", "input = \"2.5\"\n", StringComparison.Ordinal));

        var batch = ModelsDevData.Read(root);

        var syntax = Assert.Single(batch.Problems, p => p.Location.StartsWith("providers/openai/models/gpt-5.toml", StringComparison.Ordinal));
        Assert.Equal("providers/openai/models/gpt-5.toml:4", syntax.Location);
        Assert.StartsWith("not valid TOML: ", syntax.Message, StringComparison.Ordinal);
        Assert.EndsWith("the file was skipped.", syntax.Message, StringComparison.Ordinal);
        Assert.Contains(new RecordProblem("providers/vercel/models/openai/gpt-5.toml:4", syntax.Message), batch.Problems);

        var duplicate = Assert.Single(batch.Problems, p => p.Location.StartsWith("providers/xai/models/grok-4.20-0309-reasoning.toml", StringComparison.Ordinal));
        Assert.Equal("providers/xai/models/grok-4.20-0309-reasoning.toml:2", duplicate.Location);
        Assert.Contains("`name`", duplicate.Message, StringComparison.Ordinal);

        Assert.Contains(new RecordProblem("providers/github-copilot/models/gpt-5.4.toml:5 cost.input",
            "expected a number, found the string \"2.5\"."), batch.Problems);
        var prices = Assert.Single(batch.Offering("github-copilot", "gpt-5.4").Prices).Prices;
        Assert.Null(prices.Input);
        Assert.Equal(15m, prices.Output);
        Assert.Single(prices.Tiers);

        Assert.Equal(original.Problems.Count + 4, batch.Problems.Count);
        Assert.Equal(original.Offerings.Count - 3, batch.Offerings.Count);
        Assert.DoesNotContain(batch.Offerings, o => o.Provider == "openai" && o.ProviderModelId == "gpt-5");
        Assert.Equal(original.Models.Count, batch.Models.Count);
        Assert.Equal(original.Providers.Count, batch.Providers.Count);
        Assert.Equal(original.BenchmarkScores.Count, batch.BenchmarkScores.Count);
    }

    [Fact]
    public void A_base_model_that_names_no_lab_model_is_reported_and_the_offering_kept()
    {
        using var temp = new TempDirectory();
        Write(temp.Path, "models/acme/anvil-1.toml", """
            name = "Anvil 1"
            release_date = 2025-08-07
            open_weights = true
            license = "Apache-2.0"
            limit = { context = 32_768, output = 4_096 }
            tool_call = { supported = true }

            [parameters]
            total = 30_500_000_000
            active = 3_300_000_000
            architecture = "moe"
            """);
        Write(temp.Path, "providers/host/provider.toml", "name = \"Host\"\n");
        Write(temp.Path, "providers/host/models/anvil.toml", "base_model = \"acme/anvil-1\"\n\n[cost]\ninput = 0.5\noutput = 1.5\n");
        Write(temp.Path, "providers/host/models/acme/anvil-2.toml", "base_model = \"acme/anvil-2\"\n\n[cost]\ninput = 1\noutput = 3\n");

        var batch = ModelsDevData.Read(temp.Path);

        var anvil = batch.Offering("host", "anvil");
        Assert.Equal(("acme/anvil-1", "acme/anvil-1"), (anvil.ModelRef, anvil.CanonicalId));
        Assert.Equal((32_768, 4_096), (anvil.ContextWindow!.Value, anvil.MaxOutputTokens!.Value));

        // A TOML date, an inline table, tool_call as a table and the [parameters] table newer trees have.
        var model = batch.Model("acme/anvil-1");
        Assert.Equal(new DateOnly(2025, 8, 7), model.ReleaseDate);
        Assert.Equal((LicenceClass.OpenSource, "Apache-2.0"), (model.Licence!.Value, model.LicenceId));
        Assert.True(model.ToolCalling);
        Assert.Equal((30_500_000_000L, 3_300_000_000L), (model.TotalParameters!.Value, model.ActiveParameters!.Value));
        Assert.Equal(ModelArchitecture.MixtureOfExperts, model.Architecture);

        var orphan = batch.Offering("host", "acme/anvil-2");
        Assert.Equal("acme/anvil-2", orphan.ModelRef);
        Assert.Null(orphan.CanonicalId);
        var problem = Assert.Single(batch.Problems);
        Assert.Equal("providers/host/models/acme/anvil-2.toml:1 base_model", problem.Location);
        Assert.Contains("models/acme/anvil-2.toml", problem.Message, StringComparison.Ordinal);
        Assert.Equal([new SourceProvider("host", "Host")], batch.Providers);
    }

    [Fact]
    public void A_folder_without_a_models_dev_tree_cannot_be_read()
    {
        using var temp = new TempDirectory();

        var empty = Assert.Throws<CatalogSourceException>(() => ModelsDevData.Read(temp.Path));
        Assert.Contains("no models/ or providers/ folder", empty.Message, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(temp.Path, "providers", "host", "models"));
        var noFiles = Assert.Throws<CatalogSourceException>(() => ModelsDevData.Read(temp.Path));
        Assert.Contains("no models/<lab>/<id>.toml or providers/<p>/models/<id>.toml files", noFiles.Message, StringComparison.Ordinal);
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
