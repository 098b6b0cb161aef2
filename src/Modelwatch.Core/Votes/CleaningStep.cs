namespace Modelwatch.Core.Votes;

/// <summary>One cleaning step as shown beside a board: what it removes, how many it removed, how many remain after it.</summary>
public sealed record CleaningStep(string Name, string Description, int Removed, int Remaining);
