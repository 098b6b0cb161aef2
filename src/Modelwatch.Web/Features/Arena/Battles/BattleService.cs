using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Ratings.StyleControl;
using Modelwatch.Data;
using Modelwatch.Data.Arena;
using Modelwatch.Providers;
using Modelwatch.Web.Features.Arena.Fairness;
using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Features.Arena.Battles;

/// <summary>A request the battle service refuses, with the HTTP status and what was wrong and what is expected.</summary>
public sealed class BattleRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>What a new battle or turn needs.</summary>
/// <param name="Prompt">The user's prompt.</param>
/// <param name="Named">Named mode: the user picked both contestants.</param>
/// <param name="A">Named mode: contestant id of side A.</param>
/// <param name="B">Named mode: contestant id of side B.</param>
/// <param name="Images">Images as data URLs.</param>
public sealed record BattleRequest(string? Prompt, bool Named, int? A, int? B, IReadOnlyList<string>? Images);

/// <summary>
/// Starts battles and turns: validates the prompt, draws (or checks) the two contestants, holds both providers'
/// slots, stores the battle and turn, then streams both sides at once on a background task that outlives the HTTP
/// request (only the app's shutdown stops it). Both answers are stored whichever way they end, and the battle is
/// marked Failed when a side did not complete, so nothing is lost and nothing unfair is counted.
/// </summary>
public sealed partial class BattleService(
    ArenaContestants contestants,
    ArenaMatchmaker matchmaker,
    MeasuredStreaming streaming,
    TurnBroadcaster broadcaster,
    IDbContextFactory<ModelwatchDbContext> contexts,
    IOptions<BattleOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<BattleService> logger)
{
    /// <summary>camelCase JSON for the events, like the rest of the API.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly TimeSpan HtmlInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Running turns, so tests and shutdown can wait for them.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid, int), Task> _running = new();

    /// <summary>Creates a battle and starts its first turn.</summary>
    /// <exception cref="BattleRequestException">Bad input (400) or no two contestants free (503); nothing stored.</exception>
    public async Task<Guid> StartAsync(BattleRequest request, string voter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = CheckPrompt(request.Prompt);
        var images = CheckImages(request.Images);
        var (a, b, slots) = request.Named
            ? await PickNamedAsync(request.A, request.B, images.Count > 0, ct).ConfigureAwait(false)
            : await DrawAsync(images.Count > 0, ct).ConfigureAwait(false);
        try
        {
            var battle = new ArenaBattle
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                Mode = request.Named ? BattleMode.Named : BattleMode.Blind,
                Voter = voter,
                ContestantA = a.Id,
                ContestantB = b.Id,
                CreatedAt = time.GetUtcNow(),
                Status = BattleStatus.Streaming,
                Categories = [.. PromptCategories.Guess(prompt)],
            };
            var turn = new ArenaTurn { BattleId = battle.Id, Number = 1, Prompt = prompt, PromptHash = PromptFingerprint.Of(prompt), Images = [.. images], AskedAt = time.GetUtcNow() };
            var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                db.ArenaBattles.Add(battle);
                db.ArenaTurns.Add(turn);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }

            Launch(battle.Id, 1, a, b, [], [], turn, slots!);
            slots = null;
            return battle.Id;
        }
        finally
        {
            Release(slots);
        }
    }

    /// <summary>Asks both sides another prompt in the same battle, each with its own history.</summary>
    /// <returns>The new turn's number.</returns>
    /// <exception cref="BattleRequestException">404 no battle, 409 still streaming or not the voter's, 400 bad prompt, 503 busy.</exception>
    public async Task<int> ContinueAsync(Guid battleId, string? promptText, string voter, CancellationToken ct)
    {
        var prompt = CheckPrompt(promptText);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var battle = await db.ArenaBattles.Include(x => x.Turns).Include(x => x.Answers).FirstOrDefaultAsync(x => x.Id == battleId, ct).ConfigureAwait(false)
                ?? throw new BattleRequestException(StatusCodes.Status404NotFound, $"No battle {battleId}.");
            if (!string.Equals(battle.Voter, voter, StringComparison.Ordinal))
            {
                throw new BattleRequestException(StatusCodes.Status409Conflict, "Only the person who started a battle can continue it.");
            }

            if (battle.Status == BattleStatus.Streaming)
            {
                throw new BattleRequestException(StatusCodes.Status409Conflict, "The answers to the last prompt are still streaming: wait for both to finish, then continue.");
            }

            var a = await contestants.FindAsync(battle.ContestantA, ct).ConfigureAwait(false);
            var b = await contestants.FindAsync(battle.ContestantB, ct).ConfigureAwait(false);
            if (a is not { Available: true } || b is not { Available: true })
            {
                throw new BattleRequestException(StatusCodes.Status503ServiceUnavailable, "One of this battle's models is not available now: start a new battle.");
            }

            var slots = AcquirePair(a, b) ?? throw new BattleRequestException(StatusCodes.Status503ServiceUnavailable, "The providers of this battle are busy: try again in a moment.");
            try
            {
                var number = battle.Turns.Count == 0 ? 1 : battle.Turns.Max(t => t.Number) + 1;
                var turn = new ArenaTurn { BattleId = battle.Id, Number = number, Prompt = prompt, PromptHash = PromptFingerprint.Of(prompt), AskedAt = time.GetUtcNow() };
                var historyA = History(battle, BattleSide.A);
                var historyB = History(battle, BattleSide.B);
                battle.Status = BattleStatus.Streaming;
                db.ArenaTurns.Add(turn);
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    throw new BattleRequestException(StatusCodes.Status409Conflict, "Another prompt was just sent in this battle: wait for its answers.");
                }

                Launch(battle.Id, number, a, b, historyA, historyB, turn, slots);
                slots = null;
                return number;
            }
            finally
            {
                Release(slots);
            }
        }
    }

    /// <summary>Waits for a turn streaming in this instance to be stored (tests, shutdown).</summary>
    public Task WaitAsync(Guid battle, int turn) => _running.TryGetValue((battle, turn), out var task) ? task : Task.CompletedTask;

    private string CheckPrompt(string? prompt)
    {
        var max = options.Value.MaxPromptChars;
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new BattleRequestException(StatusCodes.Status400BadRequest, $"prompt is empty: write a prompt of 1 to {max.ToString(CultureInfo.InvariantCulture)} characters.");
        }

        if (prompt.Length > max)
        {
            throw new BattleRequestException(StatusCodes.Status400BadRequest, string.Create(CultureInfo.InvariantCulture, $"prompt is {prompt.Length} characters long: at most {max} are accepted."));
        }

        return prompt;
    }

    private List<string> CheckImages(IReadOnlyList<string>? images)
    {
        if (images is null || images.Count == 0)
        {
            return [];
        }

        var limits = options.Value;
        if (images.Count > limits.MaxImages)
        {
            throw new BattleRequestException(StatusCodes.Status400BadRequest, string.Create(CultureInfo.InvariantCulture, $"images has {images.Count} entries: at most {limits.MaxImages} are accepted."));
        }

        foreach (var image in images)
        {
            var comma = image?.IndexOf(',', StringComparison.Ordinal) ?? -1;
            if (image is null || !image.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) || comma < 0
                || !image.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                throw new BattleRequestException(StatusCodes.Status400BadRequest, "images must be data URLs of images (data:image/png;base64,…).");
            }

            var bytes = (image.Length - comma - 1) / 4 * 3;
            if (bytes > limits.MaxImageBytes)
            {
                throw new BattleRequestException(StatusCodes.Status400BadRequest, string.Create(CultureInfo.InvariantCulture, $"images: an image of about {bytes / 1024} KB is too large; at most {limits.MaxImageBytes / 1024} KB each."));
            }
        }

        return [.. images];
    }

    private async Task<(ContestantInfo A, ContestantInfo B, IDisposable[]? Slots)> PickNamedAsync(int? idA, int? idB, bool needsImages, CancellationToken ct)
    {
        var all = await contestants.ListAsync(ct).ConfigureAwait(false);
        ContestantInfo Check(int? id, string field)
        {
            if (id is null)
            {
                throw new BattleRequestException(StatusCodes.Status400BadRequest, $"{field} is missing: named mode needs two contestant ids (a and b) from /api/arena/contestants.");
            }

            var found = all.FirstOrDefault(c => c.Id == id)
                ?? throw new BattleRequestException(StatusCodes.Status400BadRequest, $"{field}: there is no contestant {id.Value.ToString(CultureInfo.InvariantCulture)}; pick one from /api/arena/contestants.");
            if (!found.Available)
            {
                throw new BattleRequestException(StatusCodes.Status400BadRequest, $"{field}: {found.BoardName} is not available now ({found.Unavailable}).");
            }

            if (needsImages && !found.AcceptsImages)
            {
                throw new BattleRequestException(StatusCodes.Status400BadRequest, $"{field}: {found.BoardName} does not accept images.");
            }

            return found;
        }

        var a = Check(idA, "a");
        var b = Check(idB, "b");
        if (a.Id == b.Id)
        {
            throw new BattleRequestException(StatusCodes.Status400BadRequest, "b is the same contestant as a: pick two different models.");
        }

        var slots = AcquirePair(a, b) ?? throw new BattleRequestException(StatusCodes.Status503ServiceUnavailable, "The providers of these models are busy: try again in a moment.");
        return (a, b, slots);
    }

    private async Task<(ContestantInfo A, ContestantInfo B, IDisposable[]? Slots)> DrawAsync(bool needsImages, CancellationToken ct)
    {
        var pool = (await contestants.ListAsync(ct).ConfigureAwait(false)).Where(c => c.Available && contestants.Call(c) is not null).ToList();
        while (true)
        {
            var drawn = await matchmaker.DrawAsync(pool, needsImages, ct).ConfigureAwait(false);
            if (drawn is not var (a, b))
            {
                throw new BattleRequestException(StatusCodes.Status503ServiceUnavailable, needsImages
                    ? "Fewer than two models that accept images are available (or free) now: try again later or send the prompt without images."
                    : "Fewer than two models are available (or free) now: configure providers under Modelwatch:Arena:Providers, or try again in a moment.");
            }

            var slots = AcquirePair(a, b, out var busy);
            if (slots is null)
            {
                pool.RemoveAll(c => c.Id == busy!.Id);
                continue;
            }

            return (a, b, slots);
        }
    }

    private IDisposable[]? AcquirePair(ContestantInfo a, ContestantInfo b) => AcquirePair(a, b, out _);

    /// <summary>Both providers' slots (the caller owns them), or null and which side's provider was busy.</summary>
#pragma warning disable CA2000 // Ownership of both slots passes to the caller, which releases them when the turn ends.
    private IDisposable[]? AcquirePair(ContestantInfo a, ContestantInfo b, out ContestantInfo? busy)
    {
        var slotA = contestants.TryAcquireSlot(a.Provider);
        if (slotA is null)
        {
            busy = a;
            return null;
        }

        var slotB = contestants.TryAcquireSlot(b.Provider);
        if (slotB is null)
        {
            slotA.Dispose();
            busy = b;
            return null;
        }

        busy = null;
        return [slotA, slotB];
    }
#pragma warning restore CA2000

    private static void Release(IDisposable[]? slots)
    {
        foreach (var slot in slots ?? [])
        {
            slot.Dispose();
        }
    }

    /// <summary>One side's conversation so far: the user's prompts and this side's own answers.</summary>
    private static List<ChatMessage> History(ArenaBattle battle, BattleSide side)
    {
        var history = new List<ChatMessage>();
        foreach (var turn in battle.Turns.OrderBy(t => t.Number))
        {
            history.Add(UserMessage(turn));
            var answer = battle.Answers.FirstOrDefault(x => x.Turn == turn.Number && x.Side == side);
            if (answer is { Text.Length: > 0 })
            {
                history.Add(new ChatMessage(ChatRole.Assistant, answer.Text));
            }
        }

        return history;
    }

    private static ChatMessage UserMessage(ArenaTurn turn)
    {
        if (turn.Images.Count == 0)
        {
            return new ChatMessage(ChatRole.User, turn.Prompt);
        }

        List<AIContent> contents = [new TextContent(turn.Prompt), .. turn.Images.Select(i => new DataContent(i))];
        return new ChatMessage(ChatRole.User, contents);
    }

    private void Launch(Guid battleId, int number, ContestantInfo a, ContestantInfo b, List<ChatMessage> historyA, List<ChatMessage> historyB, ArenaTurn turn, IDisposable[] slots)
    {
        broadcaster.Open(battleId, number);
        var message = UserMessage(turn);
        historyA.Add(message);
        historyB.Add(message);
        var stopping = lifetime.ApplicationStopping;
        var task = Task.Run(() => RunTurnAsync(battleId, number, a, b, historyA, historyB, slots, stopping), CancellationToken.None);
        _running[(battleId, number)] = task;
        _ = task.ContinueWith(_ => _running.TryRemove((battleId, number), out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunTurnAsync(Guid battleId, int number, ContestantInfo a, ContestantInfo b, List<ChatMessage> historyA, List<ChatMessage> historyB, IDisposable[] slots, CancellationToken stopping)
    {
        try
        {
            var sideA = RunSideAsync(battleId, number, "a", a, historyA, stopping);
            var sideB = RunSideAsync(battleId, number, "b", b, historyB, stopping);
            var answers = await Task.WhenAll(sideA, sideB).ConfigureAwait(false);
            Release(slots);
            slots = [];
            var status = answers.All(x => x.Outcome == AnswerOutcome.Completed) ? BattleStatus.Answered : BattleStatus.Failed;
            await StoreAsync(battleId, number, answers[0], answers[1], status).ConfigureAwait(false);
            broadcaster.Publish(battleId, number, new BattleEvent("end", JsonSerializer.Serialize(new EndEvent(status.ToString()), Json)));
        }
        catch (Exception error)
        {
            LogTurnFailed(logger, error, battleId, number);
            broadcaster.Publish(battleId, number, new BattleEvent("end", JsonSerializer.Serialize(new EndEvent(nameof(BattleStatus.Failed)), Json)));
        }
        finally
        {
            Release(slots);
            broadcaster.Close(battleId, number);
        }
    }

    private async Task<StreamedAnswer> RunSideAsync(Guid battleId, int number, string side, ContestantInfo contestant, List<ChatMessage> history, CancellationToken stopping)
    {
        await Task.Yield();
        var call = contestants.Call(contestant);
        StreamedAnswer answer;
        if (call is null)
        {
            answer = new StreamedAnswer("", AnswerOutcome.Failed, "provider not configured", null, TimeSpan.Zero, null, 0, false, null);
        }
        else
        {
            var text = new System.Text.StringBuilder();
            var lastHtml = time.GetTimestamp();
            try
            {
                answer = await streaming.StreamAsync(call.Options, call.Client, history, null, piece =>
                {
                    text.Append(piece);
                    broadcaster.Publish(battleId, number, new BattleEvent("delta", JsonSerializer.Serialize(new DeltaEvent(side, piece), Json)));
                    if (time.GetElapsedTime(lastHtml) >= HtmlInterval)
                    {
                        lastHtml = time.GetTimestamp();
                        broadcaster.Publish(battleId, number, new BattleEvent("html", JsonSerializer.Serialize(new HtmlEvent(side, AnswerHtml.Render(text.ToString())), Json)));
                    }

                    return ValueTask.CompletedTask;
                }, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                answer = new StreamedAnswer(text.ToString(), AnswerOutcome.CutOff, "the server stopped during the answer", null, TimeSpan.Zero, null, 0, false, null);
            }
        }

        broadcaster.Publish(battleId, number, new BattleEvent("done", JsonSerializer.Serialize(new DoneEvent(side, answer.Outcome.ToString(), AnswerHtml.Render(answer.Text)), Json)));
        return answer;
    }

    private async Task StoreAsync(Guid battleId, int number, StreamedAnswer a, StreamedAnswer b, BattleStatus status)
    {
        // Not the app's stopping token: answers that have ended must be kept even during shutdown.
        var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.ArenaAnswers.Add(Row(battleId, number, BattleSide.A, a));
            db.ArenaAnswers.Add(Row(battleId, number, BattleSide.B, b));
            var battle = await db.ArenaBattles.FirstAsync(x => x.Id == battleId, CancellationToken.None).ConfigureAwait(false);
            battle.Status = status;
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static ArenaAnswer Row(Guid battleId, int number, BattleSide side, StreamedAnswer answer)
    {
        var style = MarkdownStyle.Count(answer.Text);
        var reason = answer.Reason is { Length: > ArenaAnswer.MaxReasonLength } r ? r[..ArenaAnswer.MaxReasonLength] : answer.Reason;
        return new ArenaAnswer
        {
            BattleId = battleId,
            Turn = number,
            Side = side,
            Text = answer.Text,
            Outcome = answer.Outcome,
            Reason = reason,
            TimeToFirstTokenMs = answer.TimeToFirstToken is { } ttft ? (int)Math.Round(ttft.TotalMilliseconds) : null,
            DurationMs = (int)Math.Round(answer.Duration.TotalMilliseconds),
            InputTokens = answer.InputTokens,
            OutputTokens = answer.OutputTokens,
            OutputTokensReported = answer.OutputTokensReported,
            Headers = style.Headers,
            Lists = style.Lists,
            Bold = style.Bold,
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Arena battle {Battle} turn {Turn} could not be finished")]
    private static partial void LogTurnFailed(ILogger logger, Exception error, Guid battle, int turn);
}

/// <summary>SSE <c>delta</c>: a raw piece of one side's answer.</summary>
public sealed record DeltaEvent(string Side, string Text);

/// <summary>SSE <c>html</c>: the sanitised HTML of one side's answer so far.</summary>
public sealed record HtmlEvent(string Side, string Html);

/// <summary>SSE <c>done</c>: one side ended, with its outcome and final HTML.</summary>
public sealed record DoneEvent(string Side, string Outcome, string Html);

/// <summary>SSE <c>end</c>: both sides ended and are stored; the battle's status.</summary>
public sealed record EndEvent(string Status);
