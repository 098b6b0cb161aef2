using System.Globalization;
using System.Text;
using System.Text.Json;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Advisor.Parsing;

namespace Modelwatch.Cli.Commands;

/// <summary>
/// Writes an advisor result as a table (people at a terminal), Markdown (to paste into a document) or the API's JSON.
/// Positions are written as the page writes them: "=2" when the pick is tied with another.
/// </summary>
internal static class AdviseWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, string format, AdvisorResult result)
    {
        switch (format)
        {
            case "json":
                output.WriteLine(JsonSerializer.Serialize(result, AdvisorJson.Indented));
                break;
            case "markdown":
                output.Write(Markdown(result));
                break;
            default:
                output.Write(Table(result));
                break;
        }
    }

    /// <summary>"1", or "=2" for a position shared with another pick.</summary>
    public static string Position(AdvisorPick pick) => (pick.Tied ? "=" : "") + pick.Position.ToString(Invariant);

    private static string Table(AdvisorResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(Header(result));
        var rows = result.Picks.Select(p => new[]
        {
            Position(p), p.Candidate.Name, p.Candidate.ModelId, Rating(p.Candidate.Quality), Price(p.PricePerMillion),
            Tokens(p.Candidate.ContextWindow), Licence(p.Candidate), Score(p),
        }).ToList();
        string[] header = ["pos", "model", "id", "rating (95%)", "$/1M blended", "context", "licence", "score"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
        }

        foreach (var pick in result.Picks)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{Position(pick)} {pick.Candidate.Name} ({pick.Candidate.ModelId})");
            foreach (var line in Evidence(result, pick))
            {
                text.AppendLine("    " + line);
            }
        }

        text.AppendLine();
        foreach (var line in Footer(result))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static string Markdown(AdvisorResult result)
    {
        var text = new StringBuilder();
        text.AppendLine("# " + Header(result)).AppendLine();
        text.AppendLine("| pos | model | rating (95%) | $/1M blended | context | licence | score |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var p in result.Picks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Position(p)} | {Cell(p.Candidate.Name)} (`{p.Candidate.ModelId}`) | {Rating(p.Candidate.Quality)} | {Price(p.PricePerMillion)} | {Tokens(p.Candidate.ContextWindow)} | {Cell(Licence(p.Candidate))} | {Score(p)} |");
        }

        foreach (var pick in result.Picks)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {Position(pick)} {pick.Candidate.Name}").AppendLine();
            foreach (var line in Evidence(result, pick))
            {
                text.AppendLine("- " + line);
            }
        }

        text.AppendLine();
        foreach (var line in Footer(result))
        {
            text.AppendLine(line).AppendLine();
        }

        return text.ToString();
    }

    private static string Header(AdvisorResult result) =>
        $"Advice for {UseCaseNames.Of(result.Request.UseCase)}{(result.Request.Language is { } l ? " (" + l + ")" : "")}: " +
        $"{result.Category} board from {result.RatingSource}; {result.Eligible.ToString("N0", Invariant)} models meet every constraint";

    private static IEnumerable<string> Evidence(AdvisorResult result, AdvisorPick pick)
    {
        var c = pick.Candidate;
        if (pick.Tied)
        {
            var names = pick.TiedWith.Select(id => result.Picks.FirstOrDefault(p => p.Candidate.ModelId == id)?.Candidate.Name ?? id);
            yield return $"tied with {string.Join(", ", names)} (score intervals overlap)";
        }

        yield return c.Quality is { } q
            ? $"rating: {Rating(q)} on {q.Category}, {q.Source} as {q.RatedName}, {Date(q.AsOf)}{(q.Votes is { } v ? $", {v.ToString("N0", Invariant)} votes" : "")}"
            : "rating: none";
        foreach (var b in c.Benchmarks)
        {
            yield return $"{b.Benchmark}: {b.Score.ToString("0.##", Invariant)}{(b.Metric is null ? "" : " " + b.Metric)} ({b.Source}, {Date(b.AsOf)}{(b.SelfReported == true ? ", self-reported" : "")})";
        }

        yield return $"price: {Price(c.InputPerMillion)} in / {Price(c.OutputPerMillion)} out, blended {Price(pick.PricePerMillion)}{(c.PriceProvider is null ? "" : " (" + c.PriceProvider + ")")}{(pick.MonthlyCost is { } m ? $"; {Price(m)} a month" : "")}";
        yield return $"context: {Tokens(c.ContextWindow)}; licence: {Licence(c)}; tool calling: {(c.ToolCalling is { } t ? (t ? "yes" : "no") : "unknown")}";
        if (c.Speed is { } s)
        {
            yield return $"speed here: {s.MedianTimeToFirstTokenSeconds?.ToString("0.00", Invariant) ?? "?"} s to first token, {s.MedianTokensPerSecond?.ToString("0.#", Invariant) ?? "?"} tokens/s (median of {s.Samples})";
        }

        if (pick.TradeOffs.Count > 0)
        {
            yield return "trades away: " + string.Join("; ", pick.TradeOffs.Select(TradeOff));
        }

        yield return $"cheaper: {Alternative(pick.Cheaper)}; more capable: {Alternative(pick.MoreCapable)}";
    }

    private static IEnumerable<string> Footer(AdvisorResult result)
    {
        var reasons = result.Excluded.SelectMany(e => e.Violations.Select(v => v.Constraint).Distinct())
            .GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count().ToString("N0", Invariant)}");
        yield return $"Excluded: {result.Excluded.Count.ToString("N0", Invariant)} models{(result.Excluded.Count > 0 ? " (" + string.Join(", ", reasons) + ")" : "")}";
        foreach (var note in result.Notes)
        {
            yield return "Note: " + note;
        }
    }

    private static string TradeOff(TradeOff t) => t.Kind switch
    {
        TradeOffKind.LowerQuality => $"{Math.Round(t.Amount ?? 0).ToString("N0", Invariant)} rating points below {t.ComparedWith}",
        TradeOffKind.HigherPrice => $"{(t.Amount ?? 0).ToString("0.#", Invariant)}x the price of {t.ComparedWith}",
        TradeOffKind.SmallerContext => $"context {Tokens((int?)t.Amount)}, smaller than {t.ComparedWith}'s",
        TradeOffKind.Slower => $"{(t.Amount ?? 0).ToString("0.#", Invariant)} tokens/s, slower than {t.ComparedWith}",
        TradeOffKind.NotSelfHostable => "no downloadable weights",
        TradeOffKind.NoToolCalling => "no tool calling (or not known)",
        TradeOffKind.UnknownPrice => "no price in the catalog",
        TradeOffKind.UnknownSpeed => "speed not measured here",
        _ => t.Kind.ToString(),
    };

    private static string Alternative(AdvisorAlternative? a) =>
        a is null ? "none" : $"{a.Name} ({a.ModelId}, {Math.Round(a.Rating).ToString("N0", Invariant)}, {Price(a.PricePerMillion)})";

    private static string Rating(QualityEvidence? q) => q is null
        ? "-"
        : $"{Math.Round(q.Rating).ToString("N0", Invariant)} ({Math.Round(q.Lower).ToString("N0", Invariant)}-{Math.Round(q.Upper).ToString("N0", Invariant)})";

    private static string Score(AdvisorPick p) => string.Create(Invariant, $"{p.Score:0.00} ({p.ScoreLow:0.00}-{p.ScoreHigh:0.00})");

    private static string Price(decimal? usd) => usd is { } p ? "$" + p.ToString(p < 0.01m && p > 0 ? "0.######" : "#,0.00##", Invariant) : "-";

    private static string Tokens(int? tokens) => tokens is { } t ? AdvisorValues.Tokens(t) : "-";

    private static string Licence(AdvisorCandidate c) => c.Licence + (c.LicenceId is null ? "" : " (" + c.LicenceId + ")");

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", Invariant) ?? "undated";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
