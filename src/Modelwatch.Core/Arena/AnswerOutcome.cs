namespace Modelwatch.Core.Arena;

/// <summary>How an answer ended. Only <see cref="Completed"/> answers may count in the arena's ratings.</summary>
public enum AnswerOutcome
{
    /// <summary>The model finished on its own (finish reason "stop").</summary>
    Completed,

    /// <summary>Text arrived but the answer did not finish: the connection dropped, the stream ended without a
    /// finish reason, or the model hit its length limit or a content filter.</summary>
    CutOff,

    /// <summary>No first token within the first-token timeout, or the answer ran past the total timeout.</summary>
    TimedOut,

    /// <summary>The provider refused or failed before any text (HTTP error, open circuit, network error).</summary>
    Failed,
}
