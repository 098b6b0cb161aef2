using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Votes;
using Modelwatch.Data;
using Modelwatch.Data.Votes;

namespace Modelwatch.Web.Features.Votes;

/// <summary>
/// <c>GET /api/votes/export</c>: a dataset's stored votes as the file <c>modelwatch rank FILE</c> reads, so anyone can
/// recompute a board from exactly the votes it was computed from. Rows are written as they are read from the
/// database (one query over the dataset's key range), never gathered in memory first: the 140k dataset streams in
/// about a second, a million-vote one without the server holding it.
/// </summary>
public static class VotesApi
{
    public static RouteGroupBuilder MapVotesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/votes/export", ExportAsync)
            .WithName("ExportVotes")
            .WithSummary("A dataset's votes as JSON Lines or CSV, in the columns `modelwatch rank FILE` reads.")
            .WithDescription("Columns: model_a, model_b, winner, and what the dataset carries: tstamp (seconds), judge (a hash of the voter), language, anony, turn, dedup_sampled, one 0/1 column per category tag, and the style counters.");
        return api;
    }

    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        IDbContextFactory<ModelwatchDbContext> contexts,
        TimeProvider time,
        [Description("The dataset's name (default: the most recently imported).")] string? dataset,
        [Description("jsonl (default) or csv.")] string? format,
        CancellationToken ct)
    {
        format = (format ?? "jsonl").Trim().ToLowerInvariant();
        if (format is not ("jsonl" or "csv"))
        {
            return TypedResults.Problem(detail: $"Unknown format '{format}': use jsonl or csv.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown format");
        }

        VoteDataset? found;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var store = new VoteStore(db, time);
            var all = await store.ListAsync(ct).ConfigureAwait(false);
            var name = dataset ?? all.OrderByDescending(d => d.ImportedAt).ThenByDescending(d => d.Id).FirstOrDefault()?.Name;
            found = name is null ? null : await store.FindAsync(name, ct).ConfigureAwait(false);
            if (found is null)
            {
                var detail = all.Count == 0
                    ? "The database holds no votes yet: import a votes file first."
                    : $"No vote dataset '{dataset}'. Datasets: {string.Join(", ", all.Select(d => d.Name))}.";
                return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "No such dataset");
            }
        }

        var exported = found;
        var contentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        return TypedResults.Stream(
            stream => VoteExport.WriteAsync(contexts, exported, format == "csv" ? VoteExportFormat.Csv : VoteExportFormat.JsonLines, stream, ct),
            contentType,
            $"{exported.Name}.{format}");
    }
}

/// <summary>The two export formats.</summary>
public enum VoteExportFormat
{
    JsonLines,
    Csv,
}

/// <summary>Writes stored votes in the vote-file columns the importer and <c>modelwatch rank</c> read back.</summary>
public static class VoteExport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Streams every vote of <paramref name="dataset"/> (loaded with its models) to <paramref name="output"/>, in file order.</summary>
    public static async Task WriteAsync(IDbContextFactory<ModelwatchDbContext> contexts, VoteDataset dataset, VoteExportFormat format, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(output);
        var models = dataset.Models.OrderBy(m => m.Index).Select(m => m.Name).ToArray();
        var columns = Columns(dataset);
        var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16);
        await using (writer.ConfigureAwait(false))
        {
            if (format == VoteExportFormat.Csv)
            {
                await writer.WriteLineAsync(string.Join(',', columns.Select(Csv))).ConfigureAwait(false);
            }

            var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var first = StoredVote.FirstKey(dataset.Id);
                var last = StoredVote.LastKey(dataset.Id);
                var votes = db.Set<StoredVote>().AsNoTracking().Where(v => v.Id >= first && v.Id <= last).OrderBy(v => v.Id).AsAsyncEnumerable();
                var values = new string?[columns.Count];
                var n = 0;
                await foreach (var vote in votes.WithCancellation(ct).ConfigureAwait(false))
                {
                    Fill(values, vote, dataset, models);
                    await writer.WriteLineAsync(format == VoteExportFormat.Csv ? CsvLine(values) : JsonLine(columns, values)).ConfigureAwait(false);
                    if (++n % 4096 == 0)
                    {
                        await writer.FlushAsync(ct).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>The column names, in order: the three the CLI needs, then the metadata the dataset has.</summary>
    public static IReadOnlyList<string> Columns(VoteDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = new List<string> { "model_a", "model_b", "winner" };
        AddIf(dataset.HasTimestamps, "tstamp");
        AddIf(dataset.HasJudges, "judge");
        AddIf(dataset.HasLanguages, "language");
        AddIf(dataset.HasAnonymous, "anony");
        AddIf(dataset.HasTurns, "turn");
        AddIf(dataset.HasDedupTags, "dedup_sampled");
        columns.AddRange(dataset.TagNames);
        AddIf(dataset.HasStyle, "sum_assistant_a_tokens", "sum_assistant_b_tokens", "header_count_a", "header_count_b", "list_count_a", "list_count_b", "bold_count_a", "bold_count_b");
        return columns;

        void AddIf(bool present, params string[] more)
        {
            if (present)
            {
                columns.AddRange(more);
            }
        }
    }

    // Values are kept as JSON literals (numbers, true/false, quoted strings) so one array serves both formats.
    private static void Fill(string?[] values, StoredVote vote, VoteDataset dataset, string[] models)
    {
        var k = 0;
        values[k++] = Quote(models[vote.ModelA]);
        values[k++] = Quote(models[vote.ModelB]);
        values[k++] = Quote(vote.Winner.ToSpelling());
        if (dataset.HasTimestamps)
        {
            values[k++] = vote.TimestampMs is { } ms ? (ms / 1000m).ToString(Invariant) : null;
        }

        if (dataset.HasJudges)
        {
            values[k++] = vote.JudgeHash is { } judge ? Quote(judge.ToString("x16", Invariant)) : null;
        }

        if (dataset.HasLanguages)
        {
            values[k++] = vote.Language is { } language ? Quote(dataset.Languages[language]) : null;
        }

        if (dataset.HasAnonymous)
        {
            values[k++] = Bool(vote.Anonymous);
        }

        if (dataset.HasTurns)
        {
            values[k++] = vote.Turn?.ToString(Invariant);
        }

        if (dataset.HasDedupTags)
        {
            values[k++] = Bool(vote.DedupSampled);
        }

        for (var t = 0; t < dataset.TagNames.Count; t++)
        {
            values[k++] = (vote.Categories & (1L << t)) != 0 ? "true" : "false";
        }

        if (dataset.HasStyle)
        {
            foreach (var count in new[] { vote.TokensA, vote.TokensB, vote.HeadersA, vote.HeadersB, vote.ListsA, vote.ListsB, vote.BoldA, vote.BoldB })
            {
                values[k++] = count?.ToString(Invariant);
            }
        }
    }

    private static string? Bool(bool? value) => value switch
    {
        null => null,
        true => "true",
        false => "false",
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string JsonLine(IReadOnlyList<string> columns, string?[] values)
    {
        var line = new StringBuilder(256).Append('{');
        for (var i = 0; i < columns.Count; i++)
        {
            if (values[i] is null)
            {
                continue;
            }

            if (line.Length > 1)
            {
                line.Append(',');
            }

            line.Append(Quote(columns[i])).Append(':').Append(values[i]);
        }

        return line.Append('}').ToString();
    }

    private static string CsvLine(string?[] values) =>
        string.Join(',', values.Select(v => v switch
        {
            null => string.Empty,
            "true" => "1",
            "false" => "0",
            ['"', ..] => Csv(JsonSerializer.Deserialize<string>(v)!),
            _ => v,
        }));

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text != text.Trim() ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
