using Modelwatch.Core.Leaderboards;
using Modelwatch.Core.Votes;
using Modelwatch.Import.Votes;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Votes;

/// <summary>The real 135,634 arena votes in the database: category counts and ratings as from the file.</summary>
public sealed class ArenaVoteStoreTests
{
    private const string Arena140k = "data/arena/arena-human-preference-140k/battles.csv.gz";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// The category sizes <c>../shared/README.md</c> gives (self-votes included) hold in the file, and the store's
    /// counts equal the file's votes per pair and outcome in every category, self-votes left out as cleaning does.
    /// </summary>
    [Theory, BothDatabases]
    public async Task Stored_category_counts_equal_the_files(DatabaseProvider provider)
    {
        var path = SharedData.File(Arena140k);
        var file = VoteFileReader.Read(path, ct: Cancel).Votes;
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);

        var imported = await fixture.Store.ImportAsync(path, ct: Cancel);

        Assert.Equal(135_634, imported.Dataset.VoteCount);
        Assert.Equal(VoteCategories.Available(file), imported.Dataset.Categories);
        var published = new Dictionary<string, int>
        {
            [VoteCategories.Hard6] = 50_884,
            ["math"] = 10_892,
            ["creative_writing"] = 11_587,
            ["if"] = 24_666,
            [VoteCategories.NoTie] = 98_348,
        };
        foreach (var (category, votes) in published)
        {
            var inFile = VoteCategories.Filter(file, category);
            Assert.Equal(votes, Enumerable.Range(0, file.Count).Count(inFile));
        }

        foreach (var category in imported.Dataset.Categories)
        {
            var stored = await fixture.Store.LoadCountsAsync(imported.Dataset.Name, category, Cancel);
            var expected = StoredCountsAssert.FromFile(file, category);
            StoredCountsAssert.Equal(expected, StoredCountsAssert.FromStore(stored), category);
            Assert.Equal(expected.Values.Sum(c => c.Sum()), stored.Votes);
        }
    }

    /// <summary>A board fitted on stored counts is the board fitted on the file: top-10 ratings and intervals to 1e-9.</summary>
    [Theory, BothDatabases]
    public async Task Ratings_from_stored_counts_equal_ratings_from_the_file(DatabaseProvider provider)
    {
        var path = SharedData.File(Arena140k);
        var file = VoteFileReader.Read(path, ct: Cancel).Votes;
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);
        var imported = await fixture.Store.ImportAsync(path, ct: Cancel);

        foreach (var category in new[] { VoteCategories.Full, VoteCategories.Hard6, "math" })
        {
            var fromFile = RatingEngine.Run(file, new RatingRequest { Filter = new VoteFilterOptions { Category = category } }, ct: Cancel);
            var stored = await fixture.Store.LoadCountsAsync(imported.Dataset.Name, category, Cancel);
            var fromStore = RatingEngine.RunOnCounts(stored.ToPairwiseCounts(), new RatingRequest(), ct: Cancel);

            Assert.Equal(fromFile.VotesUsed, fromStore.VotesUsed);
            Assert.Equal(fromFile.Entries.Count, fromStore.Entries.Count);
            foreach (var (expected, actual) in fromFile.Entries.Take(10).Zip(fromStore.Entries.Take(10)))
            {
                Assert.Equal(expected.Model, actual.Model);
                Assert.Equal(expected.Rank, actual.Rank);
                Assert.Equal(expected.Votes, actual.Votes);
                Assert.Equal(expected.Rating, actual.Rating, 1e-9);
                Assert.Equal(expected.Lower, actual.Lower, 1e-9);
                Assert.Equal(expected.Upper, actual.Upper, 1e-9);
            }
        }
    }

    /// <summary>Methods that need each vote run on the votes loaded back: online Elo (vote order) gives the file's numbers.</summary>
    [Theory, BothDatabases]
    public async Task Elo_on_votes_loaded_back_equals_elo_on_the_file(DatabaseProvider provider)
    {
        var path = SharedData.File(Arena140k);
        var file = VoteFileReader.Read(path, ct: Cancel).Votes;
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);
        var imported = await fixture.Store.ImportAsync(path, ct: Cancel);

        var loaded = await fixture.Store.LoadVoteTableAsync(imported.Dataset.Name, ct: Cancel);
        var request = new RatingRequest { Method = RatingMethod.Elo, Intervals = Core.Ratings.IntervalMethod.None, Filter = new VoteFilterOptions { Category = "math" } };

        var fromFile = RatingEngine.Run(file, request, ct: Cancel);
        var fromStore = RatingEngine.Run(loaded, request, ct: Cancel);

        Assert.Equal(fromFile.Entries.Select(e => (e.Model, e.Rating)), fromStore.Entries.Select(e => (e.Model, e.Rating)));
    }
}
