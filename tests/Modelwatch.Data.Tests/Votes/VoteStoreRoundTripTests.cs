using Modelwatch.Core.Votes;
using Modelwatch.Data.Votes;
using Modelwatch.Import.Votes;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Votes;

public sealed class VoteStoreRoundTripTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_small_file_comes_back_vote_for_vote(DatabaseProvider provider)
    {
        using var folder = new TempDirectory();
        var path = SyntheticVoteFile.Write(folder.File("small.csv"), votes: 600, seed: 11);
        var file = VoteFileReader.Read(path, ct: Cancel).Votes;
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);

        var imported = await fixture.Store.ImportAsync(path, ct: Cancel);
        var stored = await fixture.NewStore(out var context).LoadVoteTableAsync("small", ct: Cancel);
        await context.DisposeAsync();

        Assert.False(imported.AlreadyStored);
        Assert.Equal("small", imported.Dataset.Name);
        Assert.Equal(VoteStoreFixture.Now, imported.Dataset.ImportedAt);
        Assert.Equal(file.Count, imported.Dataset.VoteCount);
        Assert.Equal(file.Models.Names, stored.Models.Names);
        Assert.Equal(file.TagNames, stored.TagNames);
        Assert.Equal(file.ModelA.ToArray(), stored.ModelA.ToArray());
        Assert.Equal(file.ModelB.ToArray(), stored.ModelB.ToArray());
        Assert.Equal(file.Winners.ToArray(), stored.Winners.ToArray());
        Assert.Equal(file.Tags.ToArray(), stored.Tags.ToArray());
        Assert.Equal(file.TimestampsMs.ToArray(), stored.TimestampsMs.ToArray());
        Assert.Equal(file.Anonymous.ToArray(), stored.Anonymous.ToArray());
        Assert.Equal(file.Turns.ToArray(), stored.Turns.ToArray());
        Assert.Equal(file.DedupSampled.ToArray(), stored.DedupSampled.ToArray());
        Assert.Equal(file.Style.ToArray(), stored.Style.ToArray());
        Assert.Equal(file.LanguageIds.ToArray().Select(id => id < 0 ? null : file.Languages[id]), stored.LanguageIds.ToArray().Select(id => id < 0 ? null : stored.Languages[id]));
        Assert.Equal(Enumerable.Range(1, file.Count).Select(i => (long)i), stored.SourceLines.ToArray());

        // Voters come back as the hashes of their names: the same voter is the same voter, and no one else.
        var judgeNames = file.JudgeIds.ToArray().Select(id => id < 0 ? null : VoteColumns.JudgeHash(file.Judges[id]).ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(judgeNames, stored.JudgeIds.ToArray().Select(id => id < 0 ? null : stored.Judges[id]));
        Assert.Contains(-1, file.JudgeIds.ToArray());
        Assert.Contains(VoteTable.MissingTimestamp, file.TimestampsMs.ToArray());
        Assert.Contains(StyleCounts.Unknown, file.Style.ToArray());
    }

    [Theory, BothDatabases]
    public async Task Stored_counts_equal_the_files_counts_in_every_category(DatabaseProvider provider)
    {
        using var folder = new TempDirectory();
        var path = SyntheticVoteFile.Write(folder.File("small.csv"), votes: 800, seed: 12);
        var file = VoteFileReader.Read(path, ct: Cancel).Votes;
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);

        var imported = await fixture.Store.ImportAsync(path, "synthetic", ct: Cancel);

        var categories = VoteCategories.Available(file);
        Assert.Contains(VoteCategories.Hard6, categories);
        Assert.Contains("math", categories);
        Assert.Equal(categories, imported.Dataset.Categories);
        foreach (var category in categories)
        {
            var stored = await fixture.Store.LoadCountsAsync("synthetic", category, Cancel);
            StoredCountsAssert.Equal(StoredCountsAssert.FromFile(file, category), StoredCountsAssert.FromStore(stored), category);
        }
    }

    [Theory, BothDatabases]
    public async Task A_stream_that_cannot_seek_is_hashed_as_it_is_read(DatabaseProvider provider)
    {
        using var folder = new TempDirectory();
        var path = SyntheticVoteFile.Write(folder.File("small.csv"), votes: 300, seed: 13);
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);

        VoteImportResult first;
        await using (var forwardOnly = new ForwardOnlyStream(File.OpenRead(path)))
        {
            first = await fixture.Store.ImportAsync(forwardOnly, "small.csv", ct: Cancel);
        }

        var again = await fixture.Store.ImportAsync(path, "other-name", ct: Cancel);

        Assert.False(first.AlreadyStored);
        Assert.Equal(300, first.Dataset.VoteCount);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), first.Dataset.ContentHash);
        Assert.True(again.AlreadyStored);
        Assert.Equal("small", again.Dataset.Name);
    }

    /// <summary>A stream that reads but cannot seek, like a pipe or an upload.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
