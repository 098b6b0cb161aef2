namespace Modelwatch.Import.Votes;

/// <summary>A dictionary keyed by UTF-8 bytes that is searched with spans of the input buffer without allocating.</summary>
internal sealed class Utf8Cache<TValue>
{
    private readonly Dictionary<byte[], TValue> _values = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], TValue>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public Utf8Cache() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<byte>>();

    public int Count => _values.Count;

    public bool TryGetValue(ReadOnlySpan<byte> key, out TValue value) => _lookup.TryGetValue(key, out value!);

    public void Add(ReadOnlySpan<byte> key, TValue value) => _values.Add(key.ToArray(), value);
}
