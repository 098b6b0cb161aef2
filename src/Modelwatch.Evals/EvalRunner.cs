using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Evals;
using Modelwatch.Data;
using Modelwatch.Data.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Providers;

namespace Modelwatch.Evals;

/// <summary>
/// Runs an evaluation: takes the run's lease (so two instances never run it at once), asks every pending (prompt,
/// model) with at most the run's concurrency in flight and records each answer as it finishes (cost from its tokens
/// and the model's prices, latency as measured), then, with a judge, has every missing game judged the Arena-Hard way:
/// each candidate against the baseline on each prompt, in both orders. Resumable by construction: the store says what
/// is missing, so a stopped run asks only for that. Cancellation stops it (Stopped): nothing new starts, what is in
/// flight gets <see cref="StopGrace"/> to finish and is kept, so an answer paid for is never asked for twice.
/// </summary>
public sealed partial class EvalRunner(
    IDbContextFactory<ModelwatchDbContext> contexts,
    ProviderRegistry providers,
    MeasuredStreaming streaming,
    TimeProvider time,
    ILogger<EvalRunner> logger)
{
    /// <summary>How long a lease lasts unless renewed; renewed every third of it while the run works.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Output tokens allowed to the judge (Arena-Hard's judge config uses 4096).</summary>
    public int JudgeMaxOutputTokens { get; init; } = 4096;

    /// <summary>Time the requests in flight get to finish after a stop before they are aborted.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>This instance's name on the lease.</summary>
    public string InstanceName { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Runs (or resumes) <paramref name="runId"/> until everything is answered and judged, or <paramref name="ct"/> stops it.</summary>
    /// <exception cref="EvalStoreException">There is no such run.</exception>
    public async Task<EvalRunOutcome> RunAsync(int runId, IProgress<EvalProgress>? progress, CancellationToken ct)
    {
        var store = new EvalStore(contexts, time);
        var run = await store.GetRunAsync(runId, ct).ConfigureAwait(false) ?? throw new EvalStoreException("run", $"There is no run {runId}.");
        if (!await store.TryTakeLeaseAsync(runId, InstanceName, LeaseDuration, ct).ConfigureAwait(false))
        {
            LogLeaseHeld(runId, run.LeaseOwner);
            return new EvalRunOutcome(runId, run.Status, true, 0, 0, 0, 0, 0, 0, $"Another instance ({run.LeaseOwner}) is running this evaluation.");
        }

        var tally = new EvalRunTally();
        using var slots = new ProviderSlots();
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewLeaseAsync(store, runId, renewing.Token);
        try
        {
            await store.SetStatusAsync(runId, EvalRunStatus.Running, null, ct).ConfigureAwait(false);
            await AnswerAllAsync(store, run, slots, tally, progress, ct).ConfigureAwait(false);
            if (run.Judge is not null)
            {
                await JudgeAllAsync(store, run, slots, tally, progress, ct).ConfigureAwait(false);
            }

            await store.SetStatusAsync(runId, EvalRunStatus.Completed, null, CancellationToken.None).ConfigureAwait(false);
            return tally.Outcome(runId, EvalRunStatus.Completed, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await store.SetStatusAsync(runId, EvalRunStatus.Stopped, null, CancellationToken.None).ConfigureAwait(false);
            return tally.Outcome(runId, EvalRunStatus.Stopped, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRunFailed(e, runId);
            await store.SetStatusAsync(runId, EvalRunStatus.Failed, e.Message, CancellationToken.None).ConfigureAwait(false);
            return tally.Outcome(runId, EvalRunStatus.Failed, e.Message);
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            await store.ReleaseLeaseAsync(runId, InstanceName, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task AnswerAllAsync(EvalStore store, EvalRunSummary run, ProviderSlots slots, EvalRunTally tally, IProgress<EvalProgress>? progress, CancellationToken ct)
    {
        var pending = await store.PendingAnswersAsync(run.Id, ct).ConfigureAwait(false);
        var total = run.Progress.AnswersExpected;
        var standing = total - pending.Count;
        progress?.Report(new EvalProgress(EvalProgress.Answers, standing, total, 0));
        await BoundedWork.ForEachAsync(pending, run.Concurrency, StopGrace, time, async (item, token) =>
        {
            var answer = await AskAsync(item, run.MaxOutputTokens, slots, token).ConfigureAwait(false);
            var recorded = await store.RecordAnswerAsync(run.Id, answer, token).ConfigureAwait(false);
            var failed = answer.Outcome is AnswerOutcome.Failed or AnswerOutcome.TimedOut;
            tally.Answer(recorded, failed);
            // Done counts answers that stand; a failed one is still to be asked again.
            var done = failed ? Volatile.Read(ref standing) : Interlocked.Increment(ref standing);
            progress?.Report(new EvalProgress(EvalProgress.Answers, done, total, tally.AnswersFailed));
        }, ct).ConfigureAwait(false);
    }

    private async Task<AnswerRecord> AskAsync(PendingAnswer item, int maxOutputTokens, ProviderSlots slots, CancellationToken ct)
    {
        var client = providers.GetChatClient(item.Provider, item.Model);
        if (client is null || !providers.TryGetOptions(item.Provider, out var options))
        {
            return new AnswerRecord(item.PromptId, item.RunModelId, AnswerOutcome.Failed, "", $"The provider '{item.Provider}' is not configured.", null, null, null, 0);
        }

        using var slot = await slots.TakeAsync(item.Provider, options.MaxConcurrency, ct).ConfigureAwait(false);
        var answer = await streaming.StreamAsync(
            options, client, [new ChatMessage(ChatRole.User, item.PromptText)], new ChatOptions { MaxOutputTokens = maxOutputTokens }, null, ct).ConfigureAwait(false);
        return new AnswerRecord(
            item.PromptId,
            item.RunModelId,
            answer.Outcome,
            answer.Text,
            answer.Reason,
            Tokens(answer.InputTokens),
            Tokens(answer.OutputTokens),
            answer.TimeToFirstToken?.TotalMilliseconds,
            answer.Duration.TotalMilliseconds);
    }

    private async Task JudgeAllAsync(EvalStore store, EvalRunSummary run, ProviderSlots slots, EvalRunTally tally, IProgress<EvalProgress>? progress, CancellationToken ct)
    {
        var judge = run.Judge!;
        var client = providers.GetChatClient(run.JudgeProvider!, run.JudgeModel!);
        if (client is null || !providers.TryGetOptions(run.JudgeProvider!, out var options))
        {
            throw new InvalidOperationException($"The judge's provider '{run.JudgeProvider}' is not configured; configure it, then resume the run.");
        }

        var (_, inputPrice, outputPrice) = await store.CatalogPriceAsync(run.JudgeProvider!, run.JudgeModel!, ct).ConfigureAwait(false);
        var games = await store.PendingGamesAsync(run.Id, ct).ConfigureAwait(false);
        var after = await store.GetRunAsync(run.Id, ct).ConfigureAwait(false);
        var total = after?.Progress.GamesExpected ?? games.Count;
        var standing = after?.Progress.GamesJudged ?? 0;
        progress?.Report(new EvalProgress(EvalProgress.Judging, standing, total, 0));
        await BoundedWork.ForEachAsync(games, run.Concurrency, StopGrace, time, async (game, token) =>
        {
            var answer = await AskJudgeAsync(options, client, game, slots, token).ConfigureAwait(false);
            if (answer.Outcome != AnswerOutcome.Completed)
            {
                // Not stored: the game stays pending and is asked again on resume.
                tally.JudgeCallFailed();
                progress?.Report(new EvalProgress(EvalProgress.Judging, Volatile.Read(ref standing), total, tally.JudgeCallsFailed));
                return;
            }

            var verdict = JudgeVerdictParser.Parse(answer.Text);
            var inputTokens = Tokens(answer.InputTokens);
            var outputTokens = Tokens(answer.OutputTokens);
            var stored = await store.RecordJudgementAsync(run.Id, new JudgementRecord(
                game.PromptId, game.AnswerAId, game.AnswerBId, EvalJudgeKind.Llm, judge, verdict, null, answer.Text,
                inputTokens, outputTokens, EvalCost.Of(inputTokens, outputTokens, inputPrice, outputPrice)), token).ConfigureAwait(false);
            tally.Judgement(stored, verdict is null);
            progress?.Report(new EvalProgress(EvalProgress.Judging, Interlocked.Increment(ref standing), total, tally.JudgeCallsFailed));
        }, ct).ConfigureAwait(false);
    }

    /// <summary>One game to the judge: Arena-Hard's system prompt and user message, temperature 0.</summary>
    private async Task<StreamedAnswer> AskJudgeAsync(ProviderOptions options, IChatClient client, PendingGame game, ProviderSlots slots, CancellationToken ct)
    {
        using var slot = await slots.TakeAsync(options.Name, options.MaxConcurrency, ct).ConfigureAwait(false);
        return await streaming.StreamAsync(
            options,
            client,
            [
                new ChatMessage(ChatRole.System, ArenaHardJudgePrompt.System),
                new ChatMessage(ChatRole.User, ArenaHardJudgePrompt.User(game.PromptText, game.AnswerAText, game.AnswerBText, game.Reference)),
            ],
            new ChatOptions { Temperature = 0, MaxOutputTokens = JudgeMaxOutputTokens },
            null,
            ct).ConfigureAwait(false);
    }

    private async Task RenewLeaseAsync(EvalStore store, int runId, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(LeaseDuration / 3, time, ct).ConfigureAwait(false);
                await store.TryTakeLeaseAsync(runId, InstanceName, LeaseDuration, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The run ended; the lease is released by RunAsync.
        }
    }

    private static int? Tokens(long? count) => count is { } c ? (int)Math.Min(c, int.MaxValue) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation run {RunId} is held by {Owner}; not started here.")]
    private partial void LogLeaseHeld(int runId, string? owner);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluation run {RunId} failed.")]
    private partial void LogRunFailed(Exception error, int runId);
}
