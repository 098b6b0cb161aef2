using Modelwatch.Data.Votes;
using Modelwatch.Import.Votes;
using Modelwatch.Testing;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Votes;

/// <summary>Imports are idempotent and all-or-nothing; names are unique; deleting takes exactly one dataset.</summary>
public sealed class VoteStoreImportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Importing_the_same_file_again_is_a_no_op(DatabaseProvider provider)
    {
        using var folder = new TempDirectory();
        var path = SyntheticVoteFile.Write(folder.File("votes.csv"), votes: 400, seed: 21);
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);
        var first = await fixture.Store.ImportAsync(path, ct: Cancel);
        var before = await fixture.RowCountsAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        var second = await fixture.Store.ImportAsync(path, ct: Cancel);
        var renamed = await fixture.Store.ImportAsync(path, "another-name", ct: Cancel);

        Assert.False(first.AlreadyStored);
        Assert.True(second.AlreadyStored);
        Assert.True(renamed.AlreadyStored);
        Assert.Equal(first.Dataset.Id, second.Dataset.Id);
        Assert.Equal("votes", renamed.Dataset.Name);
        Assert.Equal(VoteStoreFixture.Now, second.Dataset.ImportedAt);
        Assert.Equal(before, await fixture.RowCountsAsync());
        Assert.Equal((1, first.Dataset.ModelCount, 400, first.CountRows), before);
    }

    [Theory, BothDatabases]
    public async Task A_broken_file_writes_nothing_and_leaves_existing_data_intact(DatabaseProvider provider)
    {
        using var folder = new TempDirectory();
        var good = SyntheticVoteFile.Write(folder.File("good.csv"), votes: 300, seed: 22);
        var broken = folder.File("broken.csv");
        File.WriteAllText(broken, "model_a,model_b,winner\nx,y,model_a\ny,z,tie\nx,z,draw\n");
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);
        await fixture.Store.ImportAsync(good, ct: Cancel);
        var before = await fixture.RowCountsAsync();
        var countsBefore = await fixture.Store.LoadCountsAsync("good", ct: Cancel);

        var error = await Assert.ThrowsAsync<VoteFileException>(() => fixture.Store.ImportAsync(broken, ct: Cancel));

        Assert.Contains("broken.csv:4", error.Message, StringComparison.Ordinal);
        Assert.Contains("'draw'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.RowCountsAsync());
        Assert.Null(await fixture.Store.FindAsync("broken", Cancel));
        var countsAfter = await fixture.Store.LoadCountsAsync("good", ct: Cancel);
        Assert.Equal(
            countsBefore.Rows.Select(r => (r.ModelA, r.ModelB, r.WinsA, r.WinsB, r.Ties, r.BothBad)),
            countsAfter.Rows.Select(r => (r.ModelA, r.ModelB, r.WinsA, r.WinsB, r.Ties, r.BothBad)));
    }

    [Theory, BothDatabases]
    public async Task An_import_cancelled_after_its_votes_are_written_rolls_them_back(DatabaseProvider provider)
    {
        using var folder = new TempDirectory();
        var existing = SyntheticVoteFile.Write(folder.File("existing.csv"), votes: 200, seed: 23);
        var next = SyntheticVoteFile.Write(folder.File("next.csv"), votes: 500, seed: 24);
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);
        await fixture.Store.ImportAsync(existing, ct: Cancel);
        var before = await fixture.RowCountsAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var written = 0L;
        var progress = new Callback(p =>
        {
            if (p.Phase == VoteImportPhase.Writing)
            {
                written = p.RowsWritten;
            }

            if (p.Phase == VoteImportPhase.Aggregating)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Store.ImportAsync(next, progress: progress, ct: cancel.Token));

        Assert.Equal(500, written);
        Assert.Equal(before, await fixture.RowCountsAsync());
        Assert.Null(await fixture.Store.FindAsync("next", Cancel));

        // The context is usable afterwards: the same file imports cleanly.
        var retried = await fixture.Store.ImportAsync(next, ct: Cancel);
        Assert.Equal(500, retried.Dataset.VoteCount);
        Assert.Equal(before.Votes + 500, (await fixture.RowCountsAsync()).Votes);
    }

    [Theory, BothDatabases]
    public async Task A_taken_name_is_refused_unless_replacing_which_swaps_the_votes(DatabaseProvider provider)
    {
        using var folder = new TempDirectory();
        var first = SyntheticVoteFile.Write(folder.File("first.csv"), votes: 300, seed: 25);
        var second = SyntheticVoteFile.Write(folder.File("second.csv"), votes: 250, seed: 26);
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);
        await fixture.Store.ImportAsync(first, "board", ct: Cancel);

        var refused = await Assert.ThrowsAsync<VoteStoreException>(() => fixture.Store.ImportAsync(second, "board", ct: Cancel));
        var replaced = await fixture.Store.ImportAsync(second, "board", new VoteImportOptions { Replace = true }, ct: Cancel);

        Assert.Contains("'board'", refused.Message, StringComparison.Ordinal);
        Assert.True(replaced.Replaced);
        Assert.Equal(250, replaced.Dataset.VoteCount);
        var rows = await fixture.RowCountsAsync();
        Assert.Equal(1, rows.Datasets);
        Assert.Equal(250, rows.Votes);
        Assert.Equal(replaced.CountRows, rows.Counts);
        Assert.Equal(250, (await fixture.Store.LoadVoteTableAsync("board", ct: Cancel)).Count);
    }

    [Theory, BothDatabases]
    public async Task Deleting_a_dataset_removes_its_rows_and_nothing_else(DatabaseProvider provider)
    {
        using var folder = new TempDirectory();
        var keep = SyntheticVoteFile.Write(folder.File("keep.csv"), votes: 300, seed: 27);
        var drop = SyntheticVoteFile.Write(folder.File("drop.csv"), votes: 200, seed: 28);
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);
        var kept = await fixture.Store.ImportAsync(keep, ct: Cancel);
        await fixture.Store.ImportAsync(drop, ct: Cancel);

        Assert.True(await fixture.Store.DeleteAsync("drop", Cancel));
        Assert.False(await fixture.Store.DeleteAsync("drop", Cancel));

        Assert.Equal((1, kept.Dataset.ModelCount, 300, kept.CountRows), await fixture.RowCountsAsync());
        Assert.Equal(["keep"], (await fixture.Store.ListAsync(Cancel)).Select(d => d.Name));
        Assert.Equal(300, (await fixture.Store.LoadVoteTableAsync("keep", ct: Cancel)).Count);
    }

    [Theory, BothDatabases]
    public async Task Unknown_datasets_and_categories_are_named_with_what_exists(DatabaseProvider provider)
    {
        using var folder = new TempDirectory();
        var path = SyntheticVoteFile.Write(folder.File("votes.csv"), votes: 100, seed: 29);
        await using var fixture = await VoteStoreFixture.CreateAsync(provider);
        await fixture.Store.ImportAsync(path, ct: Cancel);

        var noDataset = await Assert.ThrowsAsync<VoteStoreException>(() => fixture.Store.LoadCountsAsync("nope", ct: Cancel));
        var noCategory = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Store.LoadCountsAsync("votes", "coding", Cancel));

        Assert.Contains("'nope'", noDataset.Message, StringComparison.Ordinal);
        Assert.Contains("stored: votes", noDataset.Message, StringComparison.Ordinal);
        Assert.Contains("'coding'", noCategory.Message, StringComparison.Ordinal);
        Assert.Contains("full, no_tie, hard_6", noCategory.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("battles.csv.gz", "battles")]
    [InlineData("clean_battle_20240814.json", "clean_battle_20240814")]
    [InlineData("/data/votes.jsonl", "votes")]
    [InlineData("votes", "votes")]
    public void A_dataset_is_named_after_its_file_by_default(string file, string name) =>
        Assert.Equal(name, VoteStore.DefaultName(file));

    private sealed class Callback(Action<VoteImportProgress> report) : IProgress<VoteImportProgress>
    {
        public void Report(VoteImportProgress value) => report(value);
    }
}
