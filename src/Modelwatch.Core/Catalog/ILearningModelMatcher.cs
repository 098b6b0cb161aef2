namespace Modelwatch.Core.Catalog;

/// <summary>
/// A matcher the store tells about models and aliases it adds during an import, so that a model one record of a
/// batch created can be matched by a later record of the same batch (and a re-import then changes nothing).
/// Optional: the store checks for it with <c>is</c>.
/// </summary>
public interface ILearningModelMatcher : IModelMatcher
{
    /// <param name="modelId">The canonical model, new or existing.</param>
    /// <param name="source">The source whose id was linked.</param>
    /// <param name="externalId">The source's id, now an alias of <paramref name="modelId"/>.</param>
    /// <param name="variant">The variant the id names, if any.</param>
    /// <param name="hints">What the source said about the model (display name, lab).</param>
    void Learn(string modelId, string source, string externalId, string? variant, MatchHints hints);
}
