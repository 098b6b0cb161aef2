using System.Text;
using Microsoft.Extensions.AI;
using Modelwatch.Core.Arena;

namespace Modelwatch.Providers;

/// <summary>
/// Streams one answer and measures it. Provider failures of every kind become a <see cref="StreamedAnswer"/>
/// outcome instead of an exception, because a battle must be stored and shown whichever way a side ended; only the
/// caller's own cancellation is thrown. The first-token and total timeouts live here, not in HTTP: once response
/// headers arrive, HTTP timeouts no longer watch the body, and a server that sends headers then stalls is common.
/// </summary>
public sealed class MeasuredStreaming(TimeProvider time, ProviderHealthTracker health)
{
    /// <summary>Streams <paramref name="messages"/> to <paramref name="client"/>; <paramref name="onText"/> sees each piece.</summary>
    public async Task<StreamedAnswer> StreamAsync(
        ProviderOptions provider,
        IChatClient client,
        IEnumerable<ChatMessage> messages,
        ChatOptions? options,
        Func<string, ValueTask>? onText,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(client);
        using var deadline = new CancellationTokenSource(provider.FirstTokenTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = time.GetTimestamp();
        var text = new StringBuilder();
        TimeSpan? firstToken = null;
        long chunks = 0;
        long? inputTokens = null, outputTokens = null;
        ChatFinishReason? finish = null;

        StreamedAnswer Result(AnswerOutcome outcome, string? reason) => new(
            text.ToString(), outcome, reason, firstToken, time.GetElapsedTime(started), inputTokens,
            outputTokens ?? chunks, outputTokens is not null, finish?.Value);

        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, linked.Token).ConfigureAwait(false))
            {
                finish = update.FinishReason ?? finish;
                foreach (var usage in update.Contents.OfType<UsageContent>())
                {
                    inputTokens = usage.Details.InputTokenCount ?? inputTokens;
                    outputTokens = usage.Details.OutputTokenCount ?? outputTokens;
                }

                var piece = update.Text;
                if (string.IsNullOrEmpty(piece))
                {
                    continue;
                }

                if (firstToken is null)
                {
                    firstToken = time.GetElapsedTime(started);
                    // From here the whole answer has the total timeout, counted from the request.
                    var remaining = provider.TotalTimeout - firstToken.Value;
                    deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
                }

                chunks++;
                text.Append(piece);
                if (onText is not null)
                {
                    await onText(piece).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var reason = firstToken is null ? "no first token in time" : "answer ran past the total timeout";
            health.RecordFailure(provider.Name, reason);
            return Result(AnswerOutcome.TimedOut, reason);
        }
        catch (Exception e)
        {
            // Type only: provider error bodies can echo request headers, and messages may quote them.
            health.RecordFailure(provider.Name, e.GetType().Name);
            return Result(text.Length > 0 ? AnswerOutcome.CutOff : AnswerOutcome.Failed, e.GetType().Name);
        }

        if (finish == ChatFinishReason.Stop)
        {
            return Result(AnswerOutcome.Completed, null);
        }

        var cut = finish is { } f ? $"finish reason {f.Value}" : "stream ended without a finish reason";
        return Result(text.Length > 0 ? AnswerOutcome.CutOff : AnswerOutcome.Failed, cut);
    }
}
