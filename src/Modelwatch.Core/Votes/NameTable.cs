namespace Modelwatch.Core.Votes;

/// <summary>
/// Interns names (models, voters, languages) to dense ids 0..Count-1 in order of first appearance,
/// so that millions of votes are stored as integers and looked up without allocating strings.
/// </summary>
public sealed class NameTable
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly List<string> _names = [];

    public NameTable(StringComparer? comparer = null)
    {
        _ids = new Dictionary<string, int>(comparer ?? StringComparer.Ordinal);
        _spanLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    public string this[int id] => _names[id];

    public int GetOrAdd(string name)
    {
        if (_ids.TryGetValue(name, out var id))
        {
            return id;
        }

        id = _names.Count;
        _ids.Add(name, id);
        _names.Add(name);
        return id;
    }

    /// <summary>Looks a name up by its characters; allocates a string only the first time a name is seen.</summary>
    public int GetOrAdd(ReadOnlySpan<char> name)
    {
        if (_spanLookup.TryGetValue(name, out var id))
        {
            return id;
        }

        return GetOrAdd(name.ToString());
    }

    public bool TryGetId(ReadOnlySpan<char> name, out int id) => _spanLookup.TryGetValue(name, out id);
}
