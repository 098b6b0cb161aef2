namespace Modelwatch.News.Sync;

/// <summary>How sources are fetched (<c>Modelwatch:News:Fetch</c> in the web app's configuration).</summary>
public sealed class NewsFetchOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Modelwatch:News:Fetch";

    /// <summary>How long one request may take, body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body read; a bigger one fails the fetch as too large (the arXiv fixture is 0.8 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many sources are fetched at once.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// How long a source's lease lasts: longer than a fetch and its ingest can take, so another instance never takes
    /// over a live fetch, yet short enough that a crashed instance's sources are picked up again soon.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the scheduler looks for due sources.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the web app fetches on a schedule (off in tests that fetch by hand).</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>This instance's name on the leases it takes; unique per process by default.</summary>
    public string InstanceName { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
