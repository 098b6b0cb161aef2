using System.Diagnostics;
using System.Globalization;
using Modelwatch.ArenaLoad;
using Modelwatch.Testing.Providers;

// Runs N voters at once against the published app and audits the database afterwards; prints one Markdown table row.
// bench/arena-load.sh builds, publishes and calls this once per database.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"{e.Message}\n{LoadOptions.Usage}");
    return 2;
}

await using var openAi = await FakeOpenAiServer.StartNewAsync();
await using var anthropic = await FakeAnthropicServer.StartNewAsync();
openAi.Models = ["fake-small", "fake-large", "fake-medium", "fake-tiny"];
// A markdown answer of a few hundred characters, streamed in pieces with a pause, as a fast real model would.
var pieces = Enumerable.Range(0, options.Pieces).Select(i => i % 5 == 0 ? $"\n- point {i} " : $"word{i} ").ToArray();
foreach (var fake in new FakeProviderServer[] { openAi, anthropic })
{
    fake.PieceDelay = options.PieceDelay;
    fake.Answer = _ => pieces;
}

await using var app = await AppProcess.StartAsync(options, openAi, anthropic);
Console.Error.WriteLine($"[arena-load] {options.Voters} voters × {options.BattlesPerVoter} battles against {app.BaseAddress}");
var started = Stopwatch.GetTimestamp();
var results = await Task.WhenAll(Enumerable.Range(0, options.Voters)
    .Select(i => Task.Run(() => new Voter(i, app.BaseAddress, options.BattlesPerVoter).RunAsync(CancellationToken.None))));
var elapsed = Stopwatch.GetElapsedTime(started);
await app.DisposeAsync();

var accepted = results.SelectMany(r => r.Accepted).ToList();
var errors = results.SelectMany(r => r.Errors).ToList();
foreach (var error in errors.Take(10))
{
    Console.Error.WriteLine($"[arena-load] {error}");
}

var audit = await VoteAudit.ReadAsync(options.Database);
var acceptedCounted = accepted.Count(a => a.Counted);
// No vote lost: every accepted vote is stored, once per battle turn. None counted twice: the counted votes are the
// arena dataset's votes and its pair counts, one each.
var consistent = audit.StoredVotes == accepted.Count && audit.DistinctBattleTurns == accepted.Count
    && audit.StoredCounted == acceptedCounted && audit.DatasetVotes == acceptedCounted
    && audit.PairCountTotal == acceptedCounted && audit.DatasetVoteCount == acceptedCounted;
static double P(List<double> values, double p)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    values.Sort();
    return values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
}

var voteMs = results.SelectMany(r => r.VoteMs).ToList();
var battleMs = results.SelectMany(r => r.BattleMs).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {options.Voters} | {options.BattlesPerVoter} | {elapsed.TotalSeconds:F1} | {accepted.Count} | {accepted.Count / elapsed.TotalSeconds:F1} | {P(voteMs, 0.5):F1} | {P(voteMs, 0.95):F1} | {P(battleMs, 0.95):F0} | {errors.Count} | {audit.StoredVotes} / {audit.StoredCounted} / {audit.DatasetVotes} / {audit.PairCountTotal} | {(consistent ? "yes" : "NO")} |"));
return consistent && errors.Count == 0 ? 0 : 1;
