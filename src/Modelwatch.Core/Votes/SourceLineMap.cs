using System.Runtime.CompilerServices;

namespace Modelwatch.Core.Votes;

/// <summary>
/// Where each vote came from, stored as the exceptions to "one line after the previous vote". A plain CSV needs one
/// entry for the whole file instead of 8 bytes a vote: at 1.8M votes that is 14 MB the reader never touches, and on
/// machines where first-touching memory costs ~3 ms per MB that is a visible share of a whole run.
/// </summary>
internal sealed class SourceLineMap
{
    private readonly List<(int Index, long Line)> _jumps = [];
    private long _expected = long.MinValue;

    /// <summary>Records the line of vote <paramref name="index"/>; indices arrive in order 0, 1, 2, ….</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int index, long line)
    {
        if (line != _expected)
        {
            _jumps.Add((index, line));
        }

        _expected = line + 1;
    }

    /// <summary>The line of every vote, as an array (built on demand, for messages and exports).</summary>
    public long[] Materialize(int count)
    {
        var lines = new long[count];
        var jump = 0;
        long line = 0;
        for (var i = 0; i < count; i++)
        {
            if (jump < _jumps.Count && _jumps[jump].Index == i)
            {
                line = _jumps[jump++].Line;
            }

            lines[i] = line++;
        }

        return lines;
    }
}
