using System.Runtime.CompilerServices;
using System.Text;
using Modelwatch.Core.Votes;

namespace Modelwatch.Import.Votes;

/// <summary>
/// Interns names read as UTF-8 into a <see cref="NameTable"/>: the bytes are looked up first, and only a name
/// never seen before is decoded into a string. The input must already be valid UTF-8.
/// </summary>
internal sealed class Utf8NameCache(NameTable names)
{
    private readonly Utf8Cache<int> _ids = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<byte> utf8)
    {
        if (_ids.TryGetValue(utf8, out var id))
        {
            return id;
        }

        id = names.GetOrAdd(Encoding.UTF8.GetString(utf8));
        _ids.Add(utf8, id);
        return id;
    }
}
