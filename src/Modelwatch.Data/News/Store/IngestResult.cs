namespace Modelwatch.Data.News.Store;

/// <summary>What one ingest of one feed document did.</summary>
/// <param name="Read">Entries in the document.</param>
/// <param name="New">Entries stored for the first time (the rest were already stored for this source).</param>
/// <param name="Duplicates">Of the new ones, how many duplicate an item already known (from any source).</param>
public sealed record IngestResult(int Read, int New, int Duplicates);
