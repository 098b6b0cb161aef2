using System.Runtime.CompilerServices;
using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Ratings;

/// <summary>
/// Votes aggregated to unique <c>(a, b, outcome)</c> rows with counts — the input of every Bradley–Terry fit.
/// 1.8M votes collapse to a few tens of thousands of rows, so fits and bootstrap rounds never touch raw votes.
/// Rows are canonical (<c>A &lt; B</c>; a vote for B as model_a is stored as a loss of A), which changes neither
/// the likelihood nor the sandwich covariance. Models are only those that appear in some row, renumbered
/// 0..ModelCount-1 in first-seen order of the source.
/// </summary>
public sealed class PairwiseCounts
{
    private readonly int[] _a;
    private readonly int[] _b;
    private readonly byte[] _outcome;
    private readonly double[] _count;

    private PairwiseCounts(IReadOnlyList<string> models, int[] a, int[] b, byte[] outcome, double[] count)
    {
        Models = models;
        _a = a;
        _b = b;
        _outcome = outcome;
        _count = count;
        var total = 0.0;
        foreach (var c in count)
        {
            total += c;
        }

        TotalVotes = total;
    }

    public IReadOnlyList<string> Models { get; }

    public int ModelCount => Models.Count;

    public int RowCount => _a.Length;

    /// <summary>Sum of the row counts (the number of votes aggregated).</summary>
    public double TotalVotes { get; }

    public ReadOnlySpan<int> A => _a;

    public ReadOnlySpan<int> B => _b;

    /// <summary>0 = B won, 1 = tie or both-bad, 2 = A won; the score of A is <c>outcome / 2</c>.</summary>
    public ReadOnlySpan<byte> Outcome => _outcome;

    public ReadOnlySpan<double> Count => _count;

    /// <summary>Aggregates the selected votes (indices into <paramref name="votes"/>). Self-votes must already be removed.</summary>
    /// <exception cref="ArgumentException">A selected vote has the same model on both sides.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PairwiseCounts FromVotes(VoteTable votes, ReadOnlySpan<int> selected)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var modelA = votes.ModelA;
        var modelB = votes.ModelB;
        var winners = votes.Winners;

        // Renumber to the models that are actually selected, so a filter never leaves an empty row in the fit.
        var compact = new int[votes.Models.Count];
        Array.Fill(compact, -1);
        var names = new List<string>();
        foreach (var i in selected)
        {
            Register(modelA[i]);
            Register(modelB[i]);
        }

        var m = names.Count;
        var accumulator = new CountAccumulator(m);
        foreach (var i in selected)
        {
            var a = compact[modelA[i]];
            var b = compact[modelB[i]];
            if (a == b)
            {
                throw new ArgumentException($"Vote at source line {votes.SourceLines[i]} has '{names[a]}' on both sides; remove self-votes before aggregating.", nameof(selected));
            }

            accumulator.Add(a, b, OutcomeCode(winners[i]), 1.0);
        }

        return accumulator.ToCounts(names);

        void Register(int model)
        {
            if (compact[model] < 0)
            {
                compact[model] = names.Count;
                names.Add(votes.Models[model]);
            }
        }
    }

    /// <summary>
    /// Builds counts from stored aggregates (as the web app keeps them per category), e.g.
    /// <c>(a, b, outcome code, count)</c>. Rows for the same key are summed; models without rows are dropped.
    /// </summary>
    public static PairwiseCounts FromRows(IReadOnlyList<string> models, IEnumerable<(int A, int B, byte Outcome, double Count)> rows)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(rows);
        var accumulator = new CountAccumulator(models.Count);
        foreach (var (a, b, outcome, count) in rows)
        {
            if ((uint)a >= (uint)models.Count || (uint)b >= (uint)models.Count || a == b)
            {
                throw new ArgumentException($"Row ({a}, {b}) does not name two different models of the {models.Count} given.", nameof(rows));
            }

            if (outcome > 2)
            {
                throw new ArgumentException($"Outcome code {outcome} is not 0 (B won), 1 (tie) or 2 (A won).", nameof(rows));
            }

            if (count < 0 || !double.IsFinite(count))
            {
                throw new ArgumentException($"Count {count} of row ({a}, {b}) is not a finite non-negative number.", nameof(rows));
            }

            accumulator.Add(a, b, outcome, count);
        }

        return accumulator.ToCompactCounts(models);
    }

    /// <summary>Votes each model took part in (the sum of its rows' counts).</summary>
    public double[] VotesPerModel()
    {
        var votes = new double[ModelCount];
        for (var r = 0; r < _a.Length; r++)
        {
            votes[_a[r]] += _count[r];
            votes[_b[r]] += _count[r];
        }

        return votes;
    }

    /// <summary>The same rows with other counts (a bootstrap replicate or a reweighting); models unchanged.</summary>
    public PairwiseCounts WithCounts(double[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Length != RowCount)
        {
            throw new ArgumentException($"Expected {RowCount} counts, got {counts.Length}.", nameof(counts));
        }

        return new PairwiseCounts(Models, _a, _b, _outcome, counts);
    }

    /// <summary>0 (B won), 1 (tie or both-bad) or 2 (A won).</summary>
    public static byte OutcomeCode(Winner winner) => winner switch
    {
        Winner.ModelA => 2,
        Winner.ModelB => 0,
        _ => 1,
    };

    /// <summary>Dense (a, b, outcome) counting for up to a few thousand models; a dictionary beyond that.</summary>
    private sealed class CountAccumulator
    {
        private const int DenseLimit = 512;
        private readonly int _m;
        private readonly double[]? _dense;
        private readonly Dictionary<long, double>? _sparse;

        public CountAccumulator(int modelCount)
        {
            _m = modelCount;
            if (modelCount <= DenseLimit)
            {
                _dense = new double[modelCount * modelCount * 3];
            }
            else
            {
                _sparse = [];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(int a, int b, byte outcome, double count)
        {
            if (a > b)
            {
                (a, b) = (b, a);
                outcome = (byte)(2 - outcome);
            }

            var key = (((long)a * _m) + b) * 3 + outcome;
            if (_dense is not null)
            {
                _dense[key] += count;
            }
            else
            {
                _sparse![key] = _sparse.GetValueOrDefault(key) + count;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public PairwiseCounts ToCounts(IReadOnlyList<string> models)
        {
            var keys = new List<long>();
            var counts = new List<double>();
            if (_dense is not null)
            {
                for (long key = 0; key < _dense.Length; key++)
                {
                    if (_dense[key] > 0)
                    {
                        keys.Add(key);
                        counts.Add(_dense[key]);
                    }
                }
            }
            else
            {
                foreach (var (key, count) in _sparse!.OrderBy(kv => kv.Key))
                {
                    if (count > 0)
                    {
                        keys.Add(key);
                        counts.Add(count);
                    }
                }
            }

            var n = keys.Count;
            var a = new int[n];
            var b = new int[n];
            var outcome = new byte[n];
            for (var r = 0; r < n; r++)
            {
                var key = keys[r];
                outcome[r] = (byte)(key % 3);
                var pair = key / 3;
                a[r] = (int)(pair / _m);
                b[r] = (int)(pair % _m);
            }

            return new PairwiseCounts(models, a, b, outcome, [.. counts]);
        }

        /// <summary>Like <see cref="ToCounts"/>, then drops models that appear in no row and renumbers the rest.</summary>
        public PairwiseCounts ToCompactCounts(IReadOnlyList<string> models)
        {
            var full = ToCounts(models);
            var used = new bool[models.Count];
            foreach (var a in full.A)
            {
                used[a] = true;
            }

            foreach (var b in full.B)
            {
                used[b] = true;
            }

            var map = new int[models.Count];
            var names = new List<string>();
            for (var i = 0; i < models.Count; i++)
            {
                map[i] = used[i] ? names.Count : -1;
                if (used[i])
                {
                    names.Add(models[i]);
                }
            }

            var ra = full._a.Select(x => map[x]).ToArray();
            var rb = full._b.Select(x => map[x]).ToArray();
            return new PairwiseCounts(names, ra, rb, full._outcome, full._count);
        }
    }
}
