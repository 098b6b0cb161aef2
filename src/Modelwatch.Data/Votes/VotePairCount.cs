namespace Modelwatch.Data.Votes;

/// <summary>
/// How a pair of models fared in one category of a dataset: the aggregate a Bradley–Terry fit needs, so the web app
/// ranks without touching votes. Rows are canonical (<see cref="ModelA"/> &lt; <see cref="ModelB"/>, by model index;
/// a vote with the sides the other way round is counted with its winner swapped); self-votes are not counted.
/// </summary>
public sealed class VotePairCount
{
    public int DatasetId { get; set; }

    /// <summary>A category name from <see cref="VoteDataset.Categories"/>.</summary>
    public required string Category { get; set; }

    public int ModelA { get; set; }

    public int ModelB { get; set; }

    public int WinsA { get; set; }

    public int WinsB { get; set; }

    public int Ties { get; set; }

    public int BothBad { get; set; }

    /// <summary>All votes of the pair in the category.</summary>
    public int Total => WinsA + WinsB + Ties + BothBad;
}
