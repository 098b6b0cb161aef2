namespace Modelwatch.Data.Votes;

/// <summary>A model of a dataset. Votes and counts refer to it by <see cref="Index"/> (first appearance in the file, from 0).</summary>
public sealed class VoteModelRow
{
    public int DatasetId { get; set; }

    public int Index { get; set; }

    public required string Name { get; set; }
}
