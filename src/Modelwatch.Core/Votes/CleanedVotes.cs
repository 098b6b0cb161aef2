namespace Modelwatch.Core.Votes;

/// <summary>
/// The votes a fit sees after cleaning: <paramref name="Selected"/> are indices into the vote table in file order;
/// <paramref name="Steps"/> lists every step in the order applied, including those that removed nothing.
/// </summary>
public sealed record CleanedVotes(int[] Selected, IReadOnlyList<CleaningStep> Steps);
