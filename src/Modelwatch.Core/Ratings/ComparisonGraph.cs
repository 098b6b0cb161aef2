using System.Globalization;

namespace Modelwatch.Core.Ratings;

/// <summary>
/// Whether the Bradley–Terry maximum-likelihood estimate exists. By Zermelo's (1929) and Ford's (1957) condition
/// it is finite exactly when the "scored against" graph (an edge i → j when i won or tied at least one vote
/// against j) is strongly connected; otherwise some strengths run off to ±∞. Models that never met at all leave
/// the relative level of their groups undefined. Each problem becomes a <see cref="FitWarning"/>.
/// </summary>
internal static class ComparisonGraph
{
    private const double Relative = 1e-12;

    /// <returns>The warnings, and whether the estimate is finite within every connected group.</returns>
    public static (IReadOnlyList<FitWarning> Warnings, bool FiniteEstimate) Diagnose(
        PairIndex index,
        ReadOnlySpan<double> pairWeight,
        ReadOnlySpan<double> pairScore,
        IReadOnlyList<string> models)
    {
        var m = index.ModelCount;
        var warnings = new List<FitWarning>();
        if (m == 0)
        {
            return (warnings, true);
        }

        // Directed "scored against" edges, one per pair and direction.
        var votes = new double[m];
        var scored = new bool[m];
        var conceded = new bool[m];
        var edges = new List<(int From, int To)>();
        for (var k = 0; k < index.PairCount; k++)
        {
            var w = pairWeight[k];
            if (!(w > 0))
            {
                continue;
            }

            var a = index.PairA[k];
            var b = index.PairB[k];
            votes[a] += w;
            votes[b] += w;
            if (pairScore[k] > Relative * w)
            {
                edges.Add((a, b));
                scored[a] = true;
                conceded[b] = true;
            }

            if (w - pairScore[k] > Relative * w)
            {
                edges.Add((b, a));
                scored[b] = true;
                conceded[a] = true;
            }
        }

        var noWins = new List<int>();
        var noLosses = new List<int>();
        for (var i = 0; i < m; i++)
        {
            if (votes[i] > 0 && !scored[i])
            {
                noWins.Add(i);
            }
            else if (votes[i] > 0 && !conceded[i])
            {
                noLosses.Add(i);
            }
        }

        foreach (var i in noWins)
        {
            warnings.Add(new FitWarning(
                FitWarningKind.NoWins,
                [i],
                $"'{models[i]}' won or tied none of its {Format(votes[i])} votes: its maximum-likelihood rating is −∞, and the number shown is only where the solver stopped."));
        }

        foreach (var i in noLosses)
        {
            warnings.Add(new FitWarning(
                FitWarningKind.NoLosses,
                [i],
                $"'{models[i]}' lost or tied none of its {Format(votes[i])} votes: its maximum-likelihood rating is +∞, and the number shown is only where the solver stopped."));
        }

        var component = ConnectedComponents(m, edges, included: null, out var componentCount);
        if (componentCount > 1)
        {
            warnings.Add(DisconnectedWarning(m, component, componentCount, votes, models));
        }

        var strongCount = StronglyConnectedComponents(m, edges, included: null, out _);
        var finite = noWins.Count == 0 && noLosses.Count == 0 && strongCount == componentCount;

        // Beyond single unbeaten or winless models: a group that won every vote against the rest of its component.
        var included = new bool[m];
        for (var i = 0; i < m; i++)
        {
            included[i] = votes[i] > 0;
        }

        foreach (var i in noWins)
        {
            included[i] = false;
        }

        foreach (var i in noLosses)
        {
            included[i] = false;
        }

        var reducedComponent = ConnectedComponents(m, edges, included, out var reducedComponents);
        var reducedStrong = StronglyConnectedComponents(m, edges, included, out var strongLabel);
        if (reducedStrong > reducedComponents)
        {
            var dominant = DominantGroups(m, edges, included, strongLabel, reducedComponent);
            var names = string.Join(", ", dominant.Select(i => $"'{models[i]}'"));
            warnings.Add(new FitWarning(
                FitWarningKind.Separated,
                dominant,
                $"Some models won or tied every vote against the other models they met ({names} lead such groups): the maximum-likelihood gaps between these groups are infinite, and the numbers shown are only where the solver stopped."));
        }

        return (warnings, finite);
    }

    private static FitWarning DisconnectedWarning(int m, int[] component, int componentCount, double[] votes, IReadOnlyList<string> models)
    {
        var sizes = new int[componentCount];
        foreach (var c in component)
        {
            sizes[c]++;
        }

        var largest = Array.IndexOf(sizes, sizes.Max());
        var outside = Enumerable.Range(0, m).Where(i => component[i] != largest).ToArray();
        var withoutVotes = outside.Count(i => votes[i] == 0);
        var sizeList = string.Join(", ", sizes.OrderDescending().Select(s => s.ToString(CultureInfo.InvariantCulture)));
        var note = withoutVotes > 0 ? $"; {withoutVotes} model(s) have no votes at all" : string.Empty;
        return new FitWarning(
            FitWarningKind.Disconnected,
            outside,
            $"The models fall into {componentCount} groups that never met each other (sizes {sizeList}{note}): ratings compare only within a group; the level of each group is arbitrary.");
    }

    /// <summary>Members of strongly connected groups that no one outside the group ever scored against.</summary>
    private static int[] DominantGroups(int m, List<(int From, int To)> edges, bool[] included, int[] strongLabel, int[] component)
    {
        // A group is dominant when nobody outside it scored against any of its members: no edge from another group
        // ends inside it. Collect, per group, whether such an edge exists.
        var beaten = new HashSet<int>();
        foreach (var (from, to) in edges)
        {
            if (included[from] && included[to] && strongLabel[from] != strongLabel[to])
            {
                beaten.Add(strongLabel[to]);
            }
        }

        var componentStrongGroups = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < m; i++)
        {
            if (!included[i])
            {
                continue;
            }

            if (!componentStrongGroups.TryGetValue(component[i], out var groups))
            {
                groups = [];
                componentStrongGroups[component[i]] = groups;
            }

            groups.Add(strongLabel[i]);
        }

        var result = new List<int>();
        for (var i = 0; i < m; i++)
        {
            if (included[i] && componentStrongGroups[component[i]].Count > 1 && !beaten.Contains(strongLabel[i]))
            {
                result.Add(i);
            }
        }

        return [.. result];
    }

    /// <summary>Union–find over the undirected edges; models not included are labelled -1.</summary>
    private static int[] ConnectedComponents(int m, List<(int From, int To)> edges, bool[]? included, out int count)
    {
        var parent = new int[m];
        for (var i = 0; i < m; i++)
        {
            parent[i] = i;
        }

        foreach (var (from, to) in edges)
        {
            if (included is not null && !(included[from] && included[to]))
            {
                continue;
            }

            var x = Find(parent, from);
            var y = Find(parent, to);
            if (x != y)
            {
                parent[Math.Max(x, y)] = Math.Min(x, y);
            }
        }

        var label = new int[m];
        var rootLabel = new Dictionary<int, int>();
        for (var i = 0; i < m; i++)
        {
            if (included is not null && !included[i])
            {
                label[i] = -1;
                continue;
            }

            var root = Find(parent, i);
            if (!rootLabel.TryGetValue(root, out var l))
            {
                l = rootLabel.Count;
                rootLabel[root] = l;
            }

            label[i] = l;
        }

        count = rootLabel.Count;
        return label;

        static int Find(int[] parent, int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }
    }

    /// <summary>Kosaraju's algorithm with explicit stacks (no recursion depth limit); returns the group count.</summary>
    private static int StronglyConnectedComponents(int m, List<(int From, int To)> edges, bool[]? included, out int[] label)
    {
        bool Keep(int i) => included is null || included[i];
        var forward = Adjacency(m, edges, reverse: false, included);
        var backward = Adjacency(m, edges, reverse: true, included);

        // Pass 1: finishing order on the forward graph.
        var visited = new bool[m];
        var order = new List<int>(m);
        var stack = new Stack<(int Node, int Next)>();
        for (var start = 0; start < m; start++)
        {
            if (visited[start] || !Keep(start))
            {
                continue;
            }

            visited[start] = true;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var neighbours = forward[node];
                if (next < neighbours.Count)
                {
                    stack.Push((node, next + 1));
                    var to = neighbours[next];
                    if (!visited[to])
                    {
                        visited[to] = true;
                        stack.Push((to, 0));
                    }
                }
                else
                {
                    order.Add(node);
                }
            }
        }

        // Pass 2: flood the reverse graph in reverse finishing order.
        label = new int[m];
        Array.Fill(label, -1);
        var count = 0;
        var flood = new Stack<int>();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var root = order[i];
            if (label[root] >= 0)
            {
                continue;
            }

            label[root] = count;
            flood.Push(root);
            while (flood.Count > 0)
            {
                var node = flood.Pop();
                foreach (var to in backward[node])
                {
                    if (label[to] < 0)
                    {
                        label[to] = count;
                        flood.Push(to);
                    }
                }
            }

            count++;
        }

        return count;
    }

    private static List<int>[] Adjacency(int m, List<(int From, int To)> edges, bool reverse, bool[]? included)
    {
        var adjacency = new List<int>[m];
        for (var i = 0; i < m; i++)
        {
            adjacency[i] = [];
        }

        foreach (var (from, to) in edges)
        {
            if (included is not null && !(included[from] && included[to]))
            {
                continue;
            }

            if (reverse)
            {
                adjacency[to].Add(from);
            }
            else
            {
                adjacency[from].Add(to);
            }
        }

        return adjacency;
    }

    private static string Format(double votes) => votes.ToString("0.##", CultureInfo.InvariantCulture);
}
