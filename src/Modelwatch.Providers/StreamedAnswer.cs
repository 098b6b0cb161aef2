using Modelwatch.Core.Arena;
namespace Modelwatch.Providers;

/// <summary>
/// One streamed answer with what the arena reveals after a vote. The text is kept even when the answer did not
/// complete, so a failed battle is stored as it happened. <see cref="OutputTokensReported"/> is false when the
/// provider sent no usage and <see cref="OutputTokens"/> counts streamed chunks instead (an estimate).
/// </summary>
public sealed record StreamedAnswer(
    string Text,
    AnswerOutcome Outcome,
    string? Reason,
    TimeSpan? TimeToFirstToken,
    TimeSpan Duration,
    long? InputTokens,
    long OutputTokens,
    bool OutputTokensReported,
    string? FinishReason)
{
    /// <summary>Output tokens per second from the first token to the last; null with fewer than two tokens' time.</summary>
    public double? TokensPerSecond
    {
        get
        {
            if (TimeToFirstToken is not { } first || OutputTokens == 0)
            {
                return null;
            }

            var generating = (Duration - first).TotalSeconds;
            return generating > 0 ? OutputTokens / generating : null;
        }
    }
}
