using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog;
using Modelwatch.Data.Catalog.Store;

namespace Modelwatch.Cli.Output.Catalog;

/// <summary><c>catalog show --format json</c>: the resolved model, every fact with source and winner/conflict flags, and the rest.</summary>
internal static class ModelDetailsJson
{
    public static void Write(TextWriter output, ModelDetails d)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var m = d.Model;
            json.WriteStartObject();
            json.WriteString("id", m.Id);
            json.WriteString("lab", m.Lab);
            json.WriteString("createdBy", m.CreatedBySource);
            json.WriteStartObject("resolved");
            foreach (var winner in d.Facts.Where(f => f.Winner))
            {
                json.WriteString(winner.Field, winner.Value);
            }

            json.WriteEndObject();
            json.WriteStartArray("facts");
            foreach (var f in d.Facts)
            {
                json.WriteStartObject();
                json.WriteString("field", f.Field);
                json.WriteString("value", f.Value);
                json.WriteString("source", f.Source);
                json.WriteString("externalId", f.ExternalId);
                json.WriteBoolean("winner", f.Winner);
                json.WriteBoolean("conflicts", f.Conflicts);
                json.WriteNumber("importRun", f.ImportRunId);
                json.WriteString("observedAt", f.ObservedAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("variants");
            foreach (var v in d.Variants)
            {
                json.WriteStartObject();
                json.WriteString("name", v.Name);
                json.WriteString("kind", v.Kind.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteOfferings(json, d.Offerings);
            WriteScores(json, d.BenchmarkScores);
            WriteRatings(json, d.PublishedRatings);
            json.WriteStartArray("aliases");
            foreach (var a in d.Aliases)
            {
                json.WriteStartObject();
                json.WriteString("source", a.Source);
                json.WriteString("externalId", a.ExternalId);
                json.WriteString("variant", a.Variant);
                json.WriteString("match", a.Kind.ToString());
                json.WriteNumber("confidence", a.Confidence);
                json.WriteString("review", a.Review.ToString());
                json.WriteString("explanation", a.Explanation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteOfferings(Utf8JsonWriter json, IReadOnlyList<OfferingView> offerings)
    {
        json.WriteStartArray("offerings");
        foreach (var o in offerings)
        {
            json.WriteStartObject();
            json.WriteString("source", o.Offering.Source);
            json.WriteString("provider", o.Offering.Provider);
            json.WriteString("providerModelId", o.Offering.ProviderModelId);
            json.WriteString("variant", o.Offering.Variant);
            Text.Number(json, "contextWindow", o.Offering.ContextWindow);
            Text.Number(json, "maxInputTokens", o.Offering.MaxInputTokens);
            Text.Number(json, "maxOutputTokens", o.Offering.MaxOutputTokens);
            json.WriteString("mode", o.Offering.Mode);
            json.WritePropertyName("current");
            if (o.Current is { } current)
            {
                WritePrice(json, current);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStartArray("history");
            foreach (var p in o.History)
            {
                WritePrice(json, p);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WritePrice(Utf8JsonWriter json, PriceView p)
    {
        json.WriteStartObject();
        json.WriteString("effectiveFrom", ModelFields.Format(p.EffectiveFrom));
        json.WriteString("effectiveTo", ModelFields.Format(p.EffectiveTo));
        Text.Number(json, "input", p.Input);
        Text.Number(json, "output", p.Output);
        Text.Number(json, "cacheRead", p.CacheRead);
        Text.Number(json, "cacheWrite", p.CacheWrite);
        json.WriteStartArray("tiers");
        foreach (var t in p.Tiers)
        {
            json.WriteStartObject();
            json.WriteNumber("aboveInputTokens", t.AboveInputTokens);
            Text.Number(json, "input", t.Input);
            Text.Number(json, "output", t.Output);
            Text.Number(json, "cacheRead", t.CacheRead);
            Text.Number(json, "cacheWrite", t.CacheWrite);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteScores(Utf8JsonWriter json, IReadOnlyList<BenchmarkScoreRow> scores)
    {
        json.WriteStartArray("benchmarkScores");
        foreach (var s in scores)
        {
            json.WriteStartObject();
            json.WriteString("source", s.Source);
            json.WriteString("benchmark", s.Benchmark);
            json.WriteString("variant", s.Variant);
            json.WriteNumber("score", s.Score);
            json.WriteString("metric", s.Metric);
            json.WriteString("sourceUrl", s.SourceUrl);
            if (s.SelfReported is { } self)
            {
                json.WriteBoolean("selfReported", self);
            }
            else
            {
                json.WriteNull("selfReported");
            }

            json.WriteString("asOf", ModelFields.Format(s.AsOf));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRatings(Utf8JsonWriter json, IReadOnlyList<PublishedRatingRow> ratings)
    {
        json.WriteStartArray("publishedRatings");
        foreach (var r in ratings)
        {
            json.WriteStartObject();
            json.WriteString("source", r.Source);
            json.WriteString("board", r.Board);
            json.WriteString("category", r.Category);
            json.WriteString("publishedOn", ModelFields.Format(r.PublishedOn));
            json.WriteString("externalId", r.ExternalId);
            json.WriteNumber("rating", r.Rating);
            if (r.Lower is { } lower && r.Upper is { } upper)
            {
                json.WriteNumber("lower", lower);
                json.WriteNumber("upper", upper);
            }

            Text.Number(json, "votes", r.Votes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
