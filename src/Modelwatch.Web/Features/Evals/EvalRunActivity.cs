using System.Collections.Concurrent;

namespace Modelwatch.Web.Features.Evals;

/// <summary>
/// The runs this app instance is working on right now. Kept apart from the queue so pages can ask without the
/// runner; the database's lease says whether any instance is (a run may be worked on elsewhere).
/// </summary>
public sealed class EvalRunActivity
{
    private readonly ConcurrentDictionary<int, byte> _active = new();

    public bool IsActive(int runId) => _active.ContainsKey(runId);

    /// <summary>Marks the run active; false when it already was.</summary>
    public bool TryBegin(int runId) => _active.TryAdd(runId, 0);

    public void End(int runId) => _active.TryRemove(runId, out _);
}
