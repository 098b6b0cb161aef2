using System.Globalization;
using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog;
using Modelwatch.Import.Catalog.LmArena;
using Modelwatch.Testing;
using static Modelwatch.Import.Tests.Catalog.CatalogFixtures;

namespace Modelwatch.Import.Tests.Catalog.LmArena;

/// <summary>
/// LMArena's published text board (Dec 2025), its model map and the Arena-Hard-Auto 2024-07-31 board. Checked with
/// python3 on the files: 29 categories, 282 keys in "full" (and 282 keys in all), 7,461 rows; 141 map entries, 112 of
/// them on the board, so 141 + 170 = 311 models; 60 Arena-Hard rows.
/// </summary>
public sealed class LmArenaImporterTests
{
    private static readonly DateOnly December = new(2025, 12, 1);

    private static readonly LmArenaImporter Importer = new(new LmArenaImportOptions { PublishedOn = December });

    [Fact]
    public void The_directory_gives_every_board_row_and_a_model_for_every_key()
    {
        using var input = CatalogInput.FromPath(LmArenaDirectory);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Empty(batch.Problems);
        Assert.Equal(CatalogSources.LmArena, batch.Source);
        var text = batch.LeaderboardEntries.Where(e => e.Board == "lmarena-text").ToList();
        Assert.Equal(7461, text.Count);
        Assert.Equal(60, batch.LeaderboardEntries.Count(e => e.Board == "arena-hard-auto"));
        Assert.Equal(7461 + 60, batch.LeaderboardEntries.Count);
        Assert.All(text, e => Assert.Equal(December, e.PublishedOn));
        Assert.Equal("2025-12-01", batch.SourceVersion);

        Assert.Equal(29, text.Select(e => e.Category).Distinct().Count());
        Assert.Equal(282, text.Count(e => e.Category == "full"));
        Assert.Equal(176, text.Count(e => e.Category == "japanese"));
        Assert.Equal(278, text.Count(e => e.Category == "coding"));

        // Every row of the file, read here without the importer, is there once with its numbers.
        using var file = JsonDocument.Parse(File.ReadAllText(SharedData.File(LmArenaLeaderboardFile)));
        var byKey = text.ToDictionary(e => (e.Category, e.ModelRef));
        foreach (var category in file.RootElement.EnumerateObject())
        {
            Assert.Equal(category.Value.EnumerateObject().Count(), text.Count(e => e.Category == category.Name));
            foreach (var row in category.Value.EnumerateObject())
            {
                var entry = byKey[(category.Name, row.Name)];
                Assert.Equal(row.Value.GetProperty("rating").GetDouble(), entry.Rating);
                Assert.Equal(row.Value.GetProperty("rating_q025").GetDouble(), entry.Lower);
                Assert.Equal(row.Value.GetProperty("rating_q975").GetDouble(), entry.Upper);
            }
        }

        Assert.Equal(311, batch.Models.Count);
        Assert.Equal(311, batch.Models.Select(m => m.ExternalId).Distinct().Count());
        var keys = text.Select(e => e.ModelRef).ToHashSet();
        Assert.Equal(282, keys.Count);
        Assert.Subset(batch.Models.Select(m => m.ExternalId).ToHashSet(), keys);
    }

    [Fact]
    public void Gemini_3_pro_leads_the_full_board_with_its_published_interval()
    {
        using var input = CatalogInput.FromPath(LmArenaDirectory);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        var gemini = Single(batch.LeaderboardEntries, e => e.Board == "lmarena-text" && e.Category == "full" && e.ModelRef == "gemini-3-pro", "entry");
        Assert.Equal(1486.6027120272704, gemini.Rating);
        Assert.Equal(1480.4026895976556, gemini.Lower);
        Assert.Equal(1492.8027344568852, gemini.Upper);
        Assert.Equal(1, gemini.Rank);
        Assert.Null(gemini.Votes);
        Assert.Equal(1, batch.LeaderboardEntries.Count(e => e.Board == "lmarena-text" && e.Category == "full" && e.Rank == 1));
    }

    [Fact]
    public void Ranks_follow_the_arena_rule_in_every_category()
    {
        using var input = CatalogInput.FromPath(LmArenaDirectory);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        // 1 + the models of the same category whose lower bound is above this one's upper bound, counted naively here.
        foreach (var board in batch.LeaderboardEntries.GroupBy(e => (e.Board, e.Category, e.PublishedOn)))
        {
            foreach (var entry in board)
            {
                Assert.Equal(1 + board.Count(o => o.Lower > entry.Upper), entry.Rank);
            }
        }

        // By hand from the file: ties share a rank (grok-4.1-thinking and claude-opus-4-5-…-thinking-32k are both 3rd).
        var full = batch.LeaderboardEntries.Where(e => e.Board == "lmarena-text" && e.Category == "full").ToDictionary(e => e.ModelRef);
        Assert.Equal(2, full["gemini-2.5-pro"].Rank);
        Assert.Equal(3, full["grok-4.1-thinking"].Rank);
        Assert.Equal(3, full["claude-opus-4-5-20251101-thinking-32k"].Rank);
        Assert.Equal(113, full["gpt-4o-2024-05-13"].Rank);
        Assert.Equal(258, full["vicuna-7b"].Rank);
    }

    [Fact]
    public void The_map_gives_names_organisations_labs_and_licence_classes()
    {
        using var input = CatalogInput.FromPath(LmArenaDirectory);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        var llama = Model(batch, "llama-3.1-70b-instruct");
        Assert.Equal("Llama-3.1-70B", llama.DisplayName);
        Assert.Equal("Meta", llama.Organisation);
        Assert.Equal("meta", llama.Lab);
        Assert.Equal(LicenceClass.OpenWeights, llama.Licence);
        Assert.Equal("Llama 3.1 Community", llama.LicenceId);

        var haiku = Model(batch, "claude-3-5-haiku-20241022"); // "license": "Propretary"
        Assert.Equal(LicenceClass.Proprietary, haiku.Licence);
        Assert.Equal("Proprietary", haiku.LicenceId);

        var qwen = Model(batch, "qwen2.5-72b-instruct"); // "Qwen": Alibaba's own licence, not OSI
        Assert.Equal((LicenceClass.OpenWeights, "Qwen", "alibaba"), (qwen.Licence!.Value, qwen.LicenceId, qwen.Lab));
        var molmo = Model(batch, "molmo-7b-d-0924"); // "Apache 2.0", AI2, on the map but not the text board
        Assert.Equal((LicenceClass.OpenSource, "Apache-2.0", "allenai"), (molmo.Licence!.Value, molmo.LicenceId, molmo.Lab));
        var kimi = Model(batch, "kimi-k2-0905-preview"); // "Modified MIT" is not MIT
        Assert.Equal((LicenceClass.OpenWeights, "Modified MIT", "moonshotai"), (kimi.Licence!.Value, kimi.LicenceId, kimi.Lab));
        Assert.Equal("zhipuai", Model(batch, "glm-4.6").Lab); // "Z.ai"
        Assert.Equal("microsoft", Model(batch, "mai-1-preview").Lab); // "Mai AI"

        // Counted with python3: 80 + 1 ("Propretary") proprietary, 18 Apache 2.0 + 15 MIT open source, 27 others.
        var mapped = batch.Models.Where(m => m.Licence is not null).ToList();
        Assert.Equal(141, mapped.Count);
        Assert.Equal(81, mapped.Count(m => m.Licence == LicenceClass.Proprietary));
        Assert.Equal(33, mapped.Count(m => m.Licence == LicenceClass.OpenSource));
        Assert.Equal(27, mapped.Count(m => m.Licence == LicenceClass.OpenWeights));
    }

    [Fact]
    public void Keys_the_map_lacks_get_a_lab_from_their_prefix_or_none()
    {
        using var input = CatalogInput.FromPath(LmArenaDirectory);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        var bare = Model(batch, "claude-3-5-sonnet-20240620");
        Assert.Equal("anthropic", bare.Lab);
        Assert.Null(bare.DisplayName);
        Assert.Null(bare.Licence);
        Assert.Equal("nvidia", Model(batch, "llama-3.1-nemotron-70b-instruct").Lab);
        Assert.Equal("allenai", Model(batch, "llama-3.1-tulu-3-70b").Lab);
        Assert.Equal("openai", Model(batch, "o3-mini-high").Lab);
        Assert.Equal("openai", Model(batch, "gpt-oss-120b").Lab);
        Assert.Equal("allenai", Model(batch, "olmo-7b-instruct").Lab);
        Assert.Equal("alibaba", Model(batch, "qwq-32b").Lab);
        Assert.Equal("zhipuai", Model(batch, "chatglm3-6b").Lab);
        Assert.Equal("mistral", Model(batch, "mixtral-8x22b-instruct-v0.1").Lab);
        Assert.Equal("nomic-ai", Model(batch, "gpt4all-13b-snoozy").Lab);

        // Checked by hand: early community fine-tunes whose lab no short rule names safely.
        string[] unknown =
        [
            "alpaca-13b", "dolphin-2.2.1-mistral-7b", "guanaco-33b", "koala-13b",
            "openhermes-2.5-mistral-7b", "starling-lm-7b-alpha", "starling-lm-7b-beta", "stripedhyena-nous-7b",
        ];
        Assert.Equal(unknown.Order(StringComparer.Ordinal), batch.Models.Where(m => m.Lab is null).Select(m => m.ExternalId).Order(StringComparer.Ordinal));
        Assert.Equal("rwkv", Model(batch, "RWKV-4-Raven-14B").Lab);
    }

    [Fact]
    public void Arena_Hard_Auto_rows_are_dated_by_their_date_column()
    {
        using var input = Input(ArenaHardFile);
        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.Empty(batch.Problems);
        Assert.Empty(batch.Models);
        Assert.Equal(60, batch.LeaderboardEntries.Count);
        Assert.All(batch.LeaderboardEntries, e => Assert.Equal(("arena-hard-auto", "full", new DateOnly(2024, 7, 31)), (e.Board, e.Category, e.PublishedOn)));

        // "gpt-4-turbo-2024-04-09,82.63,80.75,84.6,…"; the baseline gpt-4-0314 is 50 with no interval, 19th by the rule.
        var turbo = Single(batch.LeaderboardEntries, e => e.ModelRef == "gpt-4-turbo-2024-04-09", "row");
        Assert.Equal((82.63, 80.75, 84.6, 1), (turbo.Rating, turbo.Lower!.Value, turbo.Upper!.Value, turbo.Rank!.Value));
        var baseline = Single(batch.LeaderboardEntries, e => e.ModelRef == "gpt-4-0314", "row");
        Assert.Equal((50.0, 50.0, 50.0, 19), (baseline.Rating, baseline.Lower!.Value, baseline.Upper!.Value, baseline.Rank!.Value));
    }

    [Fact]
    public void The_map_alone_needs_no_date()
    {
        using var input = Input(LmArenaModelMapFile);
        var batch = new LmArenaImporter().Read(input, TestContext.Current.CancellationToken);

        Assert.Empty(batch.Problems);
        Assert.Equal(141, batch.Models.Count);
        Assert.Empty(batch.LeaderboardEntries);
        Assert.Null(batch.SourceVersion);
    }

    [Fact]
    public void Without_a_date_the_leaderboard_is_refused_with_a_message_saying_what_to_pass()
    {
        using var input = Input(LmArenaLeaderboardFile);
        var e = Assert.Throws<CatalogSourceException>(() => new LmArenaImporter().Read(input, TestContext.Current.CancellationToken));

        Assert.StartsWith("leaderboard-text.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("no publish date", e.Message, StringComparison.Ordinal);
        Assert.Contains("LmArenaImportOptions.PublishedOn", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leaderboard-text_20251215.json", "lmarena-text")]
    [InlineData("leaderboard_vision.2025-12-15.json", "lmarena-vision")]
    public void A_date_in_the_file_name_dates_the_board(string name, string board)
    {
        using var dir = new TempDirectory();
        File.Copy(SharedData.File(LmArenaLeaderboardFile), dir.File(name));
        using var input = CatalogInput.FromPath(dir.File(name));

        var batch = new LmArenaImporter().Read(input, TestContext.Current.CancellationToken);

        Assert.Equal(7461, batch.LeaderboardEntries.Count);
        Assert.All(batch.LeaderboardEntries, e => Assert.Equal((board, new DateOnly(2025, 12, 15)), (e.Board, e.PublishedOn)));
        Assert.Equal(282, batch.Models.Count);
        Assert.Equal("2025-12-15", batch.SourceVersion);
    }

    [Fact]
    public void The_option_wins_over_a_date_in_the_name()
    {
        using var dir = new TempDirectory();
        File.Copy(SharedData.File(LmArenaLeaderboardFile), dir.File("leaderboard-text_20251215.json"));
        using var input = CatalogInput.FromPath(dir.File("leaderboard-text_20251215.json"));

        var batch = Importer.Read(input, TestContext.Current.CancellationToken);

        Assert.All(batch.LeaderboardEntries, e => Assert.Equal(December, e.PublishedOn));
        Assert.Equal(December.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), batch.SourceVersion);
    }
}
