using System.Text.Json;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog;

/// <summary>
/// The problems one read collects. Two kinds: a bad field (<see cref="Bad"/>), after which the importer drops the
/// whole record — half a record would look like a changed price to an incremental import — and a fact the catalog
/// cannot hold (<see cref="NotStored"/>), after which the record is imported without it.
/// </summary>
internal sealed class RecordProblems
{
    private readonly List<RecordProblem> _items = [];

    /// <summary>How many bad fields so far; compare before and after a record to know whether to keep it.</summary>
    public int Errors { get; private set; }

    public IReadOnlyList<RecordProblem> Items => _items;

    public void Bad(string location, string message)
    {
        _items.Add(new RecordProblem(location, message));
        Errors++;
    }

    /// <summary>A bad field: “expected <paramref name="expected"/>, found …”.</summary>
    public void Unexpected(string location, string expected, JsonElement found) =>
        Bad(location, $"expected {expected}, found {CatalogJson.Describe(found)}");

    public void NotStored(string location, string message) => _items.Add(new RecordProblem(location, message));
}
