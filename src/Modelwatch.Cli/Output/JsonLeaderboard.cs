using System.Text.Json;
using Modelwatch.Core.Leaderboards;

namespace Modelwatch.Cli.Output;

/// <summary>
/// Everything about a leaderboard as one JSON document: source, method and parameters, every cleaning step,
/// the solver's exit, the rows, style coefficients, warnings, optional matrices and the command that reproduces it.
/// Missing numbers (no intervals) are null, never NaN.
/// </summary>
internal static class JsonLeaderboard
{
    public static void Write(TextWriter output, RatingReport report, IEnumerable<LeaderboardEntry> entries, LeaderboardSource source, string reproduce)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteSource(json, source);
            WriteRequest(json, report.Request);
            json.WriteStartArray("cleaning");
            foreach (var step in report.Cleaning)
            {
                json.WriteStartObject();
                json.WriteString("step", step.Name);
                json.WriteString("description", step.Description);
                json.WriteNumber("removed", step.Removed);
                json.WriteNumber("remaining", step.Remaining);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("votesRead", report.VotesRead);
            json.WriteNumber("votesUsed", report.VotesUsed);
            json.WriteNumber("uniqueRows", report.UniqueRows);
            if (report.Solver is { } solver)
            {
                json.WriteStartObject("solver");
                json.WriteString("method", solver.Solver);
                json.WriteNumber("iterations", solver.Iterations);
                json.WriteString("exitReason", solver.ExitReason);
                Number(json, "gradientNorm", solver.GradientNorm);
                json.WriteEndObject();
            }

            json.WriteStartArray("leaderboard");
            foreach (var e in entries)
            {
                json.WriteStartObject();
                json.WriteNumber("rank", e.Rank);
                json.WriteString("model", e.Model);
                Number(json, "rating", e.Rating);
                Number(json, "lower", e.Lower);
                Number(json, "upper", e.Upper);
                Number(json, "variance", e.Variance);
                json.WriteNumber("votes", e.Votes);
                Number(json, "winRate", e.WinRate);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("styleCoefficients");
            foreach (var c in report.StyleCoefficients)
            {
                json.WriteStartObject();
                json.WriteString("feature", c.Feature);
                Number(json, "value", c.Value);
                Number(json, "lower", c.Lower);
                Number(json, "upper", c.Upper);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            if (report.Matrices is { } matrices)
            {
                PairMatricesJson.Write(json, matrices);
            }

            json.WriteString("reproduce", reproduce);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteSource(Utf8JsonWriter json, LeaderboardSource source)
    {
        json.WriteStartObject("source");
        if (source.Dataset is { } dataset)
        {
            json.WriteString("dataset", dataset.Name);
            json.WriteString("file", dataset.SourceFileName);
            json.WriteString("sha256", dataset.ContentHash);
            json.WriteString("importedAt", dataset.ImportedAt);
        }

        json.WriteString("format", source.Format);
        json.WriteBoolean("gzip", source.Gzip);
        json.WriteNumber("rowsRead", source.RowsRead);
        json.WriteNumber("rowsSkipped", source.RowsSkipped);
        json.WriteStartObject("skippedByReason");
        foreach (var (reason, count) in source.SkippedByReason)
        {
            json.WriteNumber(reason, count);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRequest(Utf8JsonWriter json, RatingRequest request)
    {
        json.WriteString("method", request.Method.ToString());
        json.WriteString("intervals", request.Intervals.ToString());
        json.WriteNumber("confidence", request.Confidence);
        if (request.Intervals == Core.Ratings.IntervalMethod.Bootstrap)
        {
            json.WriteNumber("rounds", request.BootstrapRounds);
            json.WriteNumber("seed", request.Seed);
        }

        json.WriteString("category", request.Filter.Category);
        json.WriteBoolean("styleControl", request.StyleControl);
        if (request.Anchor is { } anchor)
        {
            json.WriteStartObject("anchor");
            json.WriteString("model", anchor.Model);
            json.WriteNumber("rating", anchor.Rating);
            json.WriteEndObject();
        }

        json.WriteStartObject("parameters");
        json.WriteNumber("scale", request.BradleyTerry.Scale);
        json.WriteNumber("base", request.BradleyTerry.Base);
        json.WriteNumber("initialRating", request.BradleyTerry.InitialRating);
        json.WriteBoolean("reweight", request.StyleControl ? request.StyleControlOptions.Reweight : request.BradleyTerry.Reweight);
        json.WriteNumber("hessianRidge", request.BradleyTerry.HessianRidge);
        if (request.Method == RatingMethod.Elo)
        {
            json.WriteNumber("eloK", request.Elo.K);
        }

        json.WriteEndObject();
    }
}
