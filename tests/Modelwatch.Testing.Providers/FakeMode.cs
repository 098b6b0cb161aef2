namespace Modelwatch.Testing.Providers;

/// <summary>How a fake provider answers chat requests; each is a way real providers misbehave.</summary>
public enum FakeMode
{
    Normal,

    /// <summary>Headers at once, then nothing for a long time (a model stuck in a queue).</summary>
    Stall,

    /// <summary>429 on the first request, a normal answer afterwards.</summary>
    TooManyRequestsOnce,

    /// <summary>500 on every request.</summary>
    AlwaysFail,

    /// <summary>Two text pieces, then the connection is aborted.</summary>
    DropMidAnswer,
}
