using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Testing.Database;

namespace Modelwatch.Data.Tests.Evals;

public sealed class EvalStoreSetTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static EvalStore Store(TestDatabase database) =>
        new(database.Contexts, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));

    [Theory, BothDatabases]
    public async Task An_import_is_all_or_nothing_and_names_what_it_refuses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var store = Store(database);

        var duplicate = await Assert.ThrowsAsync<EvalStoreException>(() => store.ImportSetAsync("set", null,
            [new PromptRecord("a", "one", null, []), new PromptRecord("b", "two", null, []), new PromptRecord("a", "three", null, [])], Cancel));
        Assert.Equal("key", duplicate.Field);
        Assert.Contains("\"a\"", duplicate.Message, StringComparison.Ordinal);
        var empty = await Assert.ThrowsAsync<EvalStoreException>(() => store.ImportSetAsync("set", null, [new PromptRecord("a", " ", null, [])], Cancel));
        Assert.Equal("text", empty.Field);
        await using (var db = database.CreateContext())
        {
            Assert.Equal((0, 0), (await db.EvalPromptSets.CountAsync(Cancel), await db.EvalPrompts.CountAsync(Cancel)));
        }

        var set = await store.ImportSetAsync(" set ", "desc", [new PromptRecord("a", "one", "ref", ["Coding", "sql"]), new PromptRecord("b", "two", null, ["coding"])], Cancel);
        Assert.Equal(("set", 2), (set.Name, set.PromptCount));
        Assert.Equal([new EvalTagCount("coding", 2), new EvalTagCount("sql", 1)], set.Tags);
        var taken = await Assert.ThrowsAsync<EvalStoreException>(() => store.ImportSetAsync("set", null, [new PromptRecord("x", "y", null, [])], Cancel));
        Assert.Equal("name", taken.Field);

        var again = await Assert.ThrowsAsync<EvalStoreException>(() => store.AddPromptsAsync(set.Id, [new PromptRecord("c", "new", null, []), new PromptRecord("b", "clash", null, [])], Cancel));
        Assert.Equal("key", again.Field);
        Assert.Equal(2, (await store.GetSetAsync(set.Id, Cancel))!.Prompts.Count);
    }

    [Theory, BothDatabases]
    public async Task Prompts_are_written_edited_and_deleted_in_the_app_until_a_run_answered_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Cancel);
        var store = Store(database);
        var set = await store.CreateSetAsync("hand-written", null, Cancel);
        var first = await store.AddPromptAsync(set.Id, null, "Explain BM25.", null, ["Search"], Cancel);
        var second = await store.AddPromptAsync(set.Id, "", "Explain RRF.", "Reciprocal rank fusion …", [], Cancel);
        Assert.Equal(("1", "2"), (first.Key, second.Key));
        Assert.Equal(["search"], first.Tags);
        Assert.True(second.Position > first.Position);

        var edited = await store.EditPromptAsync(first.Id, "bm25", "Explain BM25 briefly.", null, ["search", "ranking"], Cancel);
        Assert.Equal(("bm25", "Explain BM25 briefly."), (edited.Key, edited.Text));
        Assert.Equal(["search", "ranking"], edited.Tags);
        var clash = await Assert.ThrowsAsync<EvalStoreException>(() => store.EditPromptAsync(second.Id, "bm25", "x", null, [], Cancel));
        Assert.Equal("key", clash.Field);

        var run = await store.CreateRunAsync(new EvalRunInput(set.Id, "r", [new EvalModelInput("p", "m")]), Cancel);
        Assert.Equal(AnswerRecordOutcome.Stored, await store.RecordAnswerAsync(run.Id, new AnswerRecord(first.Id, run.Models[0].Id, AnswerOutcome.Completed, "BM25 is …", null, 5, 9, 10, 40), Cancel));
        var refused = await Assert.ThrowsAsync<EvalStoreException>(() => store.DeletePromptAsync(first.Id, Cancel));
        Assert.Equal("prompt", refused.Field);
        Assert.True(await store.DeletePromptAsync(second.Id, Cancel));
        Assert.Equal(["bm25"], (await store.GetSetAsync(set.Id, Cancel))!.Prompts.Select(p => p.Key));
        Assert.Equal(["hand-written"], (await store.ListSetsAsync(Cancel)).Select(s => s.Name));
    }
}
