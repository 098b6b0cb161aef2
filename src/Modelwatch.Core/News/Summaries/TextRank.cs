namespace Modelwatch.Core.News.Summaries;

/// <summary>Why <see cref="TextRank"/> stopped iterating.</summary>
public enum TextRankExit
{
    /// <summary>No score moved by more than the tolerance in the last iteration.</summary>
    Converged,

    /// <summary>The iteration limit was reached first; the scores are the last iterate.</summary>
    MaxIterations,

    /// <summary>No sentences: nothing to rank.</summary>
    Empty,
}

/// <summary>Settings of <see cref="TextRank"/>; the defaults are Mihalcea and Tarau's.</summary>
/// <param name="Damping">The probability of following an edge rather than jumping (0.85, as in PageRank and the paper).</param>
/// <param name="Tolerance">Stop when no score changes by more than this in one iteration (the paper's 0.0001).</param>
/// <param name="MaxIterations">Give up after this many iterations (the paper saw 20–30 suffice).</param>
public sealed record TextRankOptions(double Damping = 0.85, double Tolerance = 1e-4, int MaxIterations = 100)
{
    public static TextRankOptions Default { get; } = new();
}

/// <summary>Scores per sentence (same order as given), and how the iteration ended.</summary>
/// <param name="Scores">The weighted PageRank score of each sentence.</param>
/// <param name="Iterations">Iterations run.</param>
/// <param name="ExitReason">Why it stopped.</param>
/// <param name="LastChange">The largest change of a score in the last iteration.</param>
/// <param name="Edges">Pairs of sentences with a non-zero similarity (the graph's undirected edges).</param>
public sealed record TextRankResult(IReadOnlyList<double> Scores, int Iterations, TextRankExit ExitReason, double LastChange, int Edges)
{
    /// <summary>Sentence indices, best first; ties keep the earlier sentence first (leads usually say the most).</summary>
    public IReadOnlyList<int> Order() =>
        [.. Enumerable.Range(0, Scores.Count).OrderByDescending(i => Scores[i]).ThenBy(i => i)];
}

/// <summary>
/// TextRank sentence extraction: R. Mihalcea and P. Tarau, "TextRank: Bringing Order into Texts", EMNLP 2004, §4.
/// Sentences are vertices; two sentences are joined by an undirected edge weighted by their content overlap
/// <c>|Si ∩ Sj| / (log|Si| + log|Sj|)</c> (eq. 2; the logarithms keep long sentences from winning by length); the
/// vertices are scored by weighted PageRank, <c>WS(Vi) = (1 − d) + d · Σ_j w_ji / (Σ_k w_jk) · WS(Vj)</c> (eq. 3),
/// iterated from all-ones until no score moves by more than the tolerance. In this unnormalised form the scores of
/// a graph without isolated vertices sum to the number of vertices at the fixed point; an isolated sentence keeps
/// <c>1 − d</c>. Pure and deterministic; no I/O.
/// </summary>
public static class TextRank
{
    /// <summary>Ranks sentences by their centrality in the similarity graph.</summary>
    public static TextRankResult Rank(IReadOnlyList<string> sentences, TextRankOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var tokens = sentences.Select(SentenceTokens.Of).ToList();
        return Rank(Similarities(tokens), options);
    }

    /// <summary>The edge weights of eq. 2 as a dense symmetric matrix (n is small: the sentences of one digest).</summary>
    public static double[,] Similarities(IReadOnlyList<HashSet<string>> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var n = tokens.Count;
        var weights = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var overlap = tokens[i].Count <= tokens[j].Count ? tokens[i].Count(tokens[j].Contains) : tokens[j].Count(tokens[i].Contains);
                if (overlap == 0)
                {
                    continue;
                }

                // Two one-word sentences make log 1 + log 1 = 0; their overlap (1) is then the weight.
                var denominator = Math.Log(tokens[i].Count) + Math.Log(tokens[j].Count);
                var weight = denominator > 0 ? overlap / denominator : overlap;
                weights[i, j] = weight;
                weights[j, i] = weight;
            }
        }

        return weights;
    }

    /// <summary>Weighted PageRank (eq. 3) over a symmetric non-negative weight matrix.</summary>
    public static TextRankResult Rank(double[,] weights, TextRankOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        options ??= TextRankOptions.Default;
        if (options.Damping is < 0 or >= 1 || double.IsNaN(options.Damping))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Damping, "TextRank: the damping factor must be in [0, 1).");
        }

        if (options.MaxIterations < 1 || !(options.Tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "TextRank: MaxIterations must be at least 1 and Tolerance positive.");
        }

        var n = weights.GetLength(0);
        if (n == 0)
        {
            return new TextRankResult([], 0, TextRankExit.Empty, 0, 0);
        }

        var outWeight = new double[n];
        var edges = 0;
        for (var j = 0; j < n; j++)
        {
            for (var k = 0; k < n; k++)
            {
                outWeight[j] += weights[j, k];
                if (k > j && weights[j, k] > 0)
                {
                    edges++;
                }
            }
        }

        var d = options.Damping;
        var scores = Enumerable.Repeat(1.0, n).ToArray();
        var next = new double[n];
        var change = double.PositiveInfinity;
        var iteration = 0;
        while (iteration < options.MaxIterations)
        {
            iteration++;
            change = 0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    if (weights[j, i] > 0)
                    {
                        sum += weights[j, i] / outWeight[j] * scores[j];
                    }
                }

                next[i] = (1 - d) + (d * sum);
                change = Math.Max(change, Math.Abs(next[i] - scores[i]));
            }

            (scores, next) = (next, scores);
            if (change <= options.Tolerance)
            {
                return new TextRankResult(scores, iteration, TextRankExit.Converged, change, edges);
            }
        }

        return new TextRankResult(scores, iteration, TextRankExit.MaxIterations, change, edges);
    }
}
