using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.Advisor;
using Modelwatch.Data.Advisor;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Advisor;

/// <summary>
/// Known picks for stated cases on the fixture catalog and the 140k votes, each worked out by hand from LMArena's
/// published board (<c>leaderboard-text.json</c>, stored with publish date 2025-12-01) or from the votes
/// (<c>modelwatch rank --dataset arena-140k --category …</c>), the reason written beside it; and ties shown as ties.
/// </summary>
public sealed class AdvisorKnownPicksTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly AdvisorWeights QualityOnly = new(1, 0, 0);

    private static async Task<(TestDatabase Database, AdvisorService Service)> OpenAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateSeededAsync(provider, Cancel);
        return (database, new AdvisorService(database.Contexts, new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))));
    }

    [Theory, BothDatabases]
    public async Task Coding_by_quality_alone_is_the_top_of_LMArenas_coding_board_tied_with_the_next_model_whose_interval_reaches_it(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var result = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Coding, Weights = QualityOnly }, Cancel);

        // The 140k votes have no coding tag, so the coding board is LMArena's published one. Its first two rows are
        // claude-opus-4-5-20251101-thinking-32k (1515.1, 1501.4–1528.8) and claude-opus-4-5-20251101 (1498.1): one
        // catalog model, shown by its best-rated name. Next is claude-sonnet-4-5-20250929-thinking-32k (1495.2,
        // 1486.7–1503.6): its upper bound reaches Opus's lower bound, so the two share position 1 — tied, not ranked.
        // gemini-3-pro (1486.4, up to 1497.5) is clearly below Opus and so second.
        Assert.Equal(("coding", "lmarena 2025-12-01"), (result.Category, result.RatingSource));
        var first = result.Picks[0];
        Assert.Equal("anthropic/claude-opus-4-5-20251101", first.Candidate.ModelId);
        Assert.Equal("claude-opus-4-5-20251101-thinking-32k", first.Candidate.Quality!.RatedName);
        Assert.Equal(1515.1, first.Candidate.Quality.Rating, 1);
        var second = result.Picks[1];
        Assert.Equal("anthropic/claude-sonnet-4-5-20250929", second.Candidate.ModelId);
        Assert.Equal((1, 1), (first.Position, second.Position));
        Assert.Contains(second.Candidate.ModelId, first.TiedWith);
        Assert.Contains(first.Candidate.ModelId, second.TiedWith);
        Assert.Equal("google/gemini-3-pro-preview", result.Picks[2].Candidate.ModelId);
        Assert.Equal(2, result.Picks[2].Position);
    }

    [Theory, BothDatabases]
    public async Task Coding_self_hosted_for_commercial_use_is_GLM_4_6_tied_with_Kimi_K2(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var result = await service.AdviseAsync(
            new AdvisorRequest { UseCase = UseCase.Coding, Constraints = new() { SelfHost = true, Commercial = true }, Weights = QualityOnly }, Cancel);

        // Every model above glm-4.6 (1455.2, 1446.5–1464.0) on the coding board is proprietary in the catalog —
        // longcat-flash-chat too, though its licence id says MIT — and glm-4.6 is open weights under MIT.
        // kimi-k2-thinking-turbo (open weights, Modified MIT: commercial use allowed) at 1448.2 reaches 1459.2: tied.
        Assert.Equal("zhipuai/glm-4.6", result.Picks[0].Candidate.ModelId);
        Assert.Equal("moonshotai/kimi-k2-thinking-turbo", result.Picks[1].Candidate.ModelId);
        Assert.Equal((1, 1), (result.Picks[0].Position, result.Picks[1].Position));
        Assert.Contains("moonshotai/kimi-k2-thinking-turbo", result.Picks[0].TiedWith);
        Assert.Contains(result.Excluded, e => e.ModelId == "qiniu-ai-meituan/longcat-flash-chat" && e.Violations.Any(v => v.Constraint == "self-host"));
        Assert.Contains(result.Excluded, e => e.ModelId == "anthropic/claude-opus-4-5-20251101" && e.Violations.Any(v => v.Constraint == "self-host"));
    }

    [Theory, BothDatabases]
    public async Task Math_by_quality_alone_is_fitted_from_the_votes_and_is_Gemini_2_5_Pro(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var result = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Math, Weights = QualityOnly }, Cancel);

        // The 140k votes carry a math tag, so the board is fitted here (reproducible): `modelwatch rank --dataset
        // arena-140k --category math` puts gemini-2.5-pro first at 1139.4 (±22.7) on 696 votes.
        Assert.Equal(("math", "dataset:arena-140k"), (result.Category, result.RatingSource));
        var first = result.Picks[0];
        Assert.Equal("google/gemini-2.5-pro", first.Candidate.ModelId);
        Assert.Equal("gemini-2.5-pro", first.Candidate.Quality!.RatedName);
        Assert.Equal(1139.4, first.Candidate.Quality.Rating, 1);
        Assert.Equal(696, first.Candidate.Quality.Votes);
        Assert.Equal(1, first.Position);
    }

    [Theory, BothDatabases]
    public async Task Long_documents_self_hosted_is_GLM_4_6_and_a_model_of_unknown_context_is_left_out(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var result = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.LongDocuments, Constraints = new() { SelfHost = true }, Weights = QualityOnly }, Cancel);

        // Long documents imply ≥ 128k context and rank on the long_user board. Its best open-weights model is glm-4.6
        // (1426.2; context 204,800). deepseek-v3.2-exp (open source, 1420.3) has no context window in the catalog, so
        // it cannot be shown to fit and is excluded.
        Assert.Equal("long_user", result.Category);
        Assert.Equal("zhipuai/glm-4.6", result.Picks[0].Candidate.ModelId);
        Assert.Contains(result.Notes, n => n.Contains("128,000", StringComparison.Ordinal));
        var deepseek = Assert.Single(result.Excluded, e => e.ModelId == "deepseek/deepseek-v3.2-exp");
        Assert.Equal(["context"], deepseek.Violations.Select(v => v.Constraint));
        Assert.Equal("context window unknown", deepseek.Violations[0].Detail);
    }

    [Theory, BothDatabases]
    public async Task Korean_chat_ranks_on_the_korean_board_topped_by_Gemini_3_Pro(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var result = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Language, Language = "Korean", Weights = QualityOnly }, Cancel);

        // LMArena's korean board (173 models) is headed by gemini-3-pro at 1466.3 (1422.6–1509.9); its interval is wide
        // enough that gemini-2.5-pro (1448.4) and gpt-5.1 (1447.4) are tied with it.
        Assert.Equal(("korean", "lmarena 2025-12-01"), (result.Category, result.RatingSource));
        Assert.Equal("google/gemini-3-pro-preview", result.Picks[0].Candidate.ModelId);
        Assert.Contains("google/gemini-2.5-pro", result.Picks[0].TiedWith);
        Assert.Contains("openai/gpt-5.1", result.Picks[0].TiedWith);
    }

    [Theory, BothDatabases]
    public async Task With_quality_alone_positions_are_the_interval_rank_and_tied_picks_overlap_and_name_each_other(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        foreach (var useCase in new[] { UseCase.Coding, UseCase.General, UseCase.CreativeWriting })
        {
            var result = await service.AdviseAsync(new AdvisorRequest { UseCase = useCase, Weights = QualityOnly, Picks = 10_000 }, Cancel);
            var picks = result.Picks;
            Assert.Equal(result.Eligible, picks.Count);
            var sharedPositions = 0;
            foreach (var a in picks)
            {
                var qa = a.Candidate.Quality!;
                Assert.Equal(1 + picks.Count(o => o.Candidate.Quality!.Lower > qa.Upper), a.Position);
                foreach (var b in picks.Where(b => b != a))
                {
                    var qb = b.Candidate.Quality!;
                    var overlap = qa.Lower <= qb.Upper && qb.Lower <= qa.Upper;
                    Assert.True(overlap == a.TiedWith.Contains(b.Candidate.ModelId), $"{useCase}: {a.Candidate.ModelId} and {b.Candidate.ModelId}: intervals overlap {overlap}, tied {!overlap}");
                    if (a.Position == b.Position)
                    {
                        sharedPositions++;
                        Assert.True(overlap, $"{useCase}: {a.Candidate.ModelId} and {b.Candidate.ModelId} share position {a.Position} without overlapping");
                    }
                }
            }

            Assert.True(sharedPositions > 0, $"{useCase}: no two picks share a position, so ties were not tested");
            TestContext.Current.TestOutputHelper?.WriteLine($"{useCase} ({result.Category}): {picks.Count} picks, {sharedPositions / 2} pairs sharing a position");
        }
    }

    [Theory, BothDatabases]
    public async Task With_price_alone_the_first_pick_is_the_cheapest_eligible_paid_model(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var result = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Coding, Weights = new(0, 1, 0), Picks = 10_000 }, Cancel);

        var cheapest = result.Picks.Where(p => p.PricePerMillion > 0).Min(p => p.PricePerMillion);
        Assert.Equal(cheapest, result.Picks[0].PricePerMillion);
        Assert.Equal(1.0, result.Picks[0].Score, 12);
        Assert.All(result.Picks.Where(p => p.PricePerMillion is null or 0), p => Assert.Equal(0.5, p.Score, 12));
    }
}
