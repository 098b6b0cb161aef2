using Modelwatch.Core.Ratings;
using Modelwatch.Core.Votes;

namespace Modelwatch.Benchmarks.Generation;

/// <summary>
/// Scales a real battle file up the way <c>shared/tools/gen_battles.py</c> does: draws source rows uniformly with
/// replacement and renames each side's model to <c>name-v&lt;k&gt;</c> with <c>k</c> uniform in <c>0..copies-1</c>,
/// so a large file keeps the real outcome mix and pair structure over <c>models × copies</c> names.
/// Self-votes of the source (it has a few) stay self-votes when both sides draw the same copy, as a real file's
/// would; cleaning has to deal with them.
/// </summary>
internal sealed class BattleResampler
{
    private readonly ArenaBattleSource _source;
    private readonly Xoshiro256StarStar _random;

    public BattleResampler(ArenaBattleSource source, int copies, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies);
        _source = source;
        Copies = copies;
        _random = new Xoshiro256StarStar(unchecked((long)seed), stream: 0);
    }

    public int Copies { get; }

    /// <summary>Renamed models: id <c>m·copies + k</c> is source model <c>m</c>'s copy <c>k</c>.</summary>
    public int ModelCount => _source.Models.Count * Copies;

    public string ModelName(int id) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_source.Models[id / Copies]}-v{id % Copies}");

    /// <summary>Draws the next vote; the draws for a seed are the same on every run and platform.</summary>
    public void Next(out int modelA, out int modelB, out Winner winner)
    {
        var row = _random.NextBelow(_source.Count);
        modelA = (_source.ModelA[row] * Copies) + _random.NextBelow(Copies);
        modelB = (_source.ModelB[row] * Copies) + _random.NextBelow(Copies);
        winner = _source.Winners[row];
    }
}
