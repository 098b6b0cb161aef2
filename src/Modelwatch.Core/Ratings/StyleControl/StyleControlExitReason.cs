namespace Modelwatch.Core.Ratings.StyleControl;

/// <summary>Why the Newton iteration of a style-controlled fit stopped.</summary>
public enum StyleControlExitReason
{
    /// <summary>The largest gradient component fell to <see cref="StyleControlOptions.Tolerance"/>.</summary>
    Converged,

    /// <summary><see cref="StyleControlOptions.MaxIterations"/> Newton steps were taken first (e.g. a model that never lost).</summary>
    MaxIterations,

    /// <summary>No step along the Newton direction lowered the loss: the iterate is as good as floating point allows.</summary>
    NoProgress,
}
