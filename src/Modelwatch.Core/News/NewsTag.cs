namespace Modelwatch.Core.News;

/// <summary>The themes an item or story is tagged with; a digest's sections follow them.</summary>
[Flags]
public enum NewsTags
{
    None = 0,
    Release = 1,
    OpenWeights = 2,
    Benchmark = 4,
    Paper = 8,
    Pricing = 16,
    Funding = 32,
    Policy = 64,
    Tooling = 128,
}
