namespace Modelwatch.Core.Ratings;

/// <summary>Why an iterative fit stopped.</summary>
public enum FitExitReason
{
    /// <summary>The gradient fell below the tolerance at a finite maximum of the likelihood.</summary>
    Converged,

    /// <summary>The iteration limit was reached first.</summary>
    MaxIterations,

    /// <summary>
    /// No finite maximum-likelihood estimate exists (a model never lost or never won, or a group of models won every
    /// vote against the rest): some strengths run off towards ±∞ and the values returned are where the solver stopped.
    /// </summary>
    Diverging,

    /// <summary>No step along the Newton direction lowered the loss any more: the loss is flat to rounding.</summary>
    Stalled,
}
