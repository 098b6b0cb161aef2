using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Modelwatch.Web.Features.Sources;

/// <summary>
/// The import jobs of this process: a channel the runner takes them from one at a time (two imports at once would
/// fight over the same rows and the machine's memory), and the recent jobs by id for their pages. Jobs live in
/// memory only: after a restart their pages are gone, but what they stored is in the database (and the sources page).
/// </summary>
public sealed class ImportJobQueue(TimeProvider time)
{
    /// <summary>Finished jobs kept for their pages; older ones are forgotten.</summary>
    private const int Kept = 200;

    private readonly Channel<ImportJob> _channel = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);

    internal ChannelReader<ImportJob> Reader => _channel.Reader;

    /// <summary>Queues <paramref name="work"/>; the returned job's id names its page and API resource.</summary>
    internal ImportJob Enqueue(ImportJobKind kind, string title, string? source, Func<ImportJobContext, Task<ImportJobSummary>> work, string? temporaryDirectory = null)
    {
        var job = new ImportJob(Guid.NewGuid().ToString("N"), kind, title, source, time.GetUtcNow(), work, temporaryDirectory);
        _jobs[job.Id] = job;
        Forget();
        if (!_channel.Writer.TryWrite(job))
        {
            job.Fail("The app is stopping; the import was not started.", time.GetUtcNow());
        }

        return job;
    }

    /// <summary>The job with that id, or null (unknown, or forgotten after a restart).</summary>
    public ImportJob? Find(string id) => _jobs.GetValueOrDefault(id);

    private void Forget()
    {
        if (_jobs.Count <= Kept)
        {
            return;
        }

        foreach (var old in _jobs.Values.Select(j => j.Snapshot()).Where(s => s.Finished).OrderBy(s => s.QueuedAt).Take(_jobs.Count - Kept))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }
}
