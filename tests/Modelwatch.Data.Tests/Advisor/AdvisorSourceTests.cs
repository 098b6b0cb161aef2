using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.Advisor;
using Modelwatch.Data.Advisor;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Advisor;

/// <summary>Which board the advisor ranks by, the fallbacks it says it took, bad sources named by field, and the form's choices.</summary>
public sealed class AdvisorSourceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, AdvisorService Service)> OpenAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateSeededAsync(provider, Cancel);
        return (database, new AdvisorService(database.Contexts, new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))));
    }

    [Theory, BothDatabases]
    public async Task Votes_are_preferred_for_a_category_they_have_and_a_specific_published_board_beats_a_general_one_from_votes(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var math = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Math }, Cancel);
        var coding = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Coding }, Cancel);
        var codingFromVotes = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Coding, RatingSource = new("arena-140k") }, Cancel);
        var mathPublished = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Math, RatingSource = new(PublishedOnly: true) }, Cancel);

        Assert.Equal(("math", "dataset:arena-140k"), (math.Category, math.RatingSource));
        Assert.Equal(("coding", "lmarena 2025-12-01"), (coding.Category, coding.RatingSource));
        Assert.DoesNotContain(coding.Notes, n => n.StartsWith("No '", StringComparison.Ordinal));
        Assert.Equal(("hard_6", "dataset:arena-140k"), (codingFromVotes.Category, codingFromVotes.RatingSource));
        Assert.Contains("No 'coding' board in dataset 'arena-140k': ranked on 'hard_6'.", codingFromVotes.Notes);
        Assert.Equal(("math", "lmarena 2025-12-01"), (mathPublished.Category, mathPublished.RatingSource));
        await using var db = database.CreateContext();
        var imported = DateOnly.FromDateTime((await db.VoteDatasets.SingleAsync(Cancel)).ImportedAt.UtcDateTime);
        Assert.All(math.Picks.Concat(codingFromVotes.Picks), p => Assert.Equal(("dataset:arena-140k", imported), (p.Candidate.Quality!.Source, p.Candidate.Quality.AsOf)));
        Assert.All(mathPublished.Picks, p => Assert.Equal(("lmarena", "math"), (p.Candidate.Quality!.Source, p.Candidate.Quality.Category)));
    }

    [Theory, BothDatabases]
    public async Task Published_ratings_are_the_stored_rows_and_vote_ratings_name_the_vote_model(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var result = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Coding, Picks = 10_000 }, Cancel);
        await using var db = database.CreateContext();
        var rows = await db.PublishedRatings.AsNoTracking().Where(r => r.Category == "coding" && r.ModelId != null).ToListAsync(Cancel);

        foreach (var pick in result.Picks)
        {
            var q = pick.Candidate.Quality!;
            var row = Assert.Single(rows, r => r.ExternalId == q.RatedName);
            Assert.Equal(pick.Candidate.ModelId, row.ModelId);
            Assert.Equal((row.Rating, row.Lower, row.Upper), (q.Rating, (double?)q.Lower, (double?)q.Upper));

            // The best-rated row of the model speaks for it.
            Assert.Equal(rows.Where(r => r.ModelId == pick.Candidate.ModelId).Max(r => r.Rating), q.Rating);
        }

        var fromVotes = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.General, Picks = 10_000 }, Cancel);
        var voteNames = await db.VoteModels.AsNoTracking().Select(m => m.Name).ToListAsync(Cancel);
        Assert.All(fromVotes.Picks, p => Assert.Contains(p.Candidate.Quality!.RatedName, voteNames));
    }

    [Theory, BothDatabases]
    public async Task A_board_no_source_has_falls_back_to_full_and_says_so(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var vision = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Multimodal }, Cancel);
        var klingon = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Language, Language = "klingon" }, Cancel);
        var noLanguage = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Language }, Cancel);

        Assert.Equal(("full", "dataset:arena-140k"), (vision.Category, vision.RatingSource));
        Assert.Contains("No 'vision' board in the vote datasets or LMArena's published boards: ranked on 'full'.", vision.Notes);
        Assert.Contains(vision.Notes, n => n.Contains("image input", StringComparison.Ordinal));
        Assert.Equal("full", klingon.Category);
        Assert.Contains(klingon.Notes, n => n.Contains("'klingon'", StringComparison.Ordinal));
        Assert.Equal("full", noLanguage.Category);
        Assert.Equal("No language given: ranked on the general board.", noLanguage.Notes[0]);
    }

    [Theory, BothDatabases]
    public async Task An_unknown_dataset_or_two_sources_at_once_are_refused_naming_the_field(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var unknown = await Assert.ThrowsAsync<AdvisorRequestException>(() => service.AdviseAsync(new AdvisorRequest { RatingSource = new("nope") }, Cancel));
        var both = await Assert.ThrowsAsync<AdvisorRequestException>(() => service.AdviseAsync(new AdvisorRequest { RatingSource = new("arena-140k", PublishedOnly: true) }, Cancel));

        Assert.Equal("dataset", unknown.Field);
        Assert.Equal("No vote dataset 'nope'. Datasets: arena-140k.", unknown.Message);
        Assert.Equal("published-only", both.Field);
    }

    [Theory, BothDatabases]
    public async Task The_form_offers_the_published_languages_the_datasets_and_the_catalogs_modalities(DatabaseProvider provider)
    {
        var (database, service) = await OpenAsync(provider);
        await using var _ = database;

        var choices = await service.ChoicesAsync(Cancel);
        await using var db = database.CreateContext();
        var published = await db.PublishedRatings.AsNoTracking().Select(r => r.Category).Distinct().ToListAsync(Cancel);

        Assert.Equal(["chinese", "english", "french", "german", "japanese", "korean", "russian", "spanish"], choices.Languages);
        Assert.All(choices.Languages, l => Assert.Contains(l, published));
        Assert.Equal(["arena-140k"], choices.Datasets);
        Assert.Contains("image", choices.Modalities);
        Assert.Contains("audio", choices.Modalities);
        Assert.Equal(choices.Modalities.Order(StringComparer.Ordinal), choices.Modalities);
    }

    [Theory, BothDatabases]
    public async Task An_empty_database_gives_no_picks_and_says_what_to_import(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var service = new AdvisorService(database.Contexts, TimeProvider.System);

        var result = await service.AdviseAsync(new AdvisorRequest { UseCase = UseCase.Coding }, Cancel);

        Assert.Empty(result.Picks);
        Assert.Equal(("coding", "none"), (result.Category, result.RatingSource));
        Assert.Contains(result.Notes, n => n.Contains("import", StringComparison.Ordinal));
    }
}
