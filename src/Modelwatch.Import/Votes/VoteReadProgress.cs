namespace Modelwatch.Import.Votes;

/// <summary>
/// How far a read has got. <paramref name="BytesRead"/> counts bytes of the input as stored (compressed bytes for
/// a gzip file), so it compares with <paramref name="TotalBytes"/>, the stored size when the stream knows it.
/// </summary>
public readonly record struct VoteReadProgress(long BytesRead, long? TotalBytes, long Rows);
