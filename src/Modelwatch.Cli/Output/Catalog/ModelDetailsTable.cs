using System.Globalization;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog.Store;
using Spectre.Console;

namespace Modelwatch.Cli.Output.Catalog;

/// <summary>
/// <c>catalog show</c> as text: every fact with its source (<c>✓</c> the precedence winner, <c>≠</c> a claim that
/// disagrees with it, <c>=</c> one that agrees), then variants, offerings with prices and history, scores, ratings, aliases.
/// </summary>
internal static class ModelDetailsTable
{
    public static void Write(TextWriter output, ModelDetails d)
    {
        var console = Text.Console(output);
        var m = d.Model;
        console.Write(new Markup($"[bold]{Markup.Escape(m.Id)}[/]  {Markup.Escape(m.DisplayName ?? "")}\n"));
        console.Write(new Markup(Markup.Escape($"created by {m.CreatedBySource} on {m.CreatedAt:yyyy-MM-dd}, updated {m.UpdatedAt:yyyy-MM-dd}") + "\n"));

        var facts = new Table().Border(TableBorder.Rounded).Title("Facts (✓ precedence winner, ≠ disagrees, = agrees)")
            .AddColumn("Field").AddColumn("").AddColumn("Value").AddColumn("Source").AddColumn("Source's id").AddColumn(new TableColumn("Import").RightAligned());
        foreach (var f in d.Facts)
        {
            var mark = f.Winner ? "✓" : f.Conflicts ? "≠" : "=";
            facts.AddRow(f.Winner ? Markup.Escape(f.Field) : "", mark, Markup.Escape(f.Value), Markup.Escape(f.Source), Markup.Escape(f.ExternalId), f.ImportRunId.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(facts);
        if (d.Variants.Count > 0)
        {
            console.Write(new Markup(Markup.Escape("Variants: " + string.Join(", ", d.Variants.Select(v => $"{v.Name} ({v.Kind})"))) + "\n"));
        }

        WriteOfferings(console, d.Offerings);
        if (d.BenchmarkScores.Count > 0)
        {
            var scores = new Table().Border(TableBorder.Rounded).Title("Benchmark scores")
                .AddColumn("Benchmark").AddColumn("Variant").AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Metric").AddColumn("Self-reported").AddColumn("As of").AddColumn("Source");
            foreach (var s in d.BenchmarkScores)
            {
                scores.AddRow(Markup.Escape(s.Benchmark), Markup.Escape(s.Variant ?? ""), s.Score.ToString("0.###", CultureInfo.InvariantCulture), Markup.Escape(s.Metric ?? ""),
                    s.SelfReported switch { true => "yes", false => "no", null => "" }, ModelFields.Format(s.AsOf) ?? "", Markup.Escape(s.Source));
            }

            console.Write(scores);
        }

        if (d.PublishedRatings.Count > 0)
        {
            var ratings = new Table().Border(TableBorder.Rounded).Title("Published ratings")
                .AddColumn("Board").AddColumn("Category").AddColumn("Published").AddColumn("Key").AddColumn(new TableColumn("Rating").RightAligned())
                .AddColumn(new TableColumn("95% CI").RightAligned()).AddColumn(new TableColumn("Votes").RightAligned());
            foreach (var r in d.PublishedRatings)
            {
                var interval = r.Lower is { } lo && r.Upper is { } hi ? string.Create(CultureInfo.InvariantCulture, $"{lo:F1}–{hi:F1}") : "";
                ratings.AddRow(Markup.Escape(r.Board), Markup.Escape(r.Category), ModelFields.Format(r.PublishedOn)!, Markup.Escape(r.ExternalId),
                    r.Rating.ToString("F1", CultureInfo.InvariantCulture), interval, Text.Tokens(r.Votes));
            }

            console.Write(ratings);
        }

        var aliases = new Table().Border(TableBorder.Rounded).Title("Aliases")
            .AddColumn("Source").AddColumn("Source's id").AddColumn("Variant").AddColumn("Match").AddColumn(new TableColumn("Confidence").RightAligned()).AddColumn("Review");
        foreach (var a in d.Aliases)
        {
            aliases.AddRow(Markup.Escape(a.Source), Markup.Escape(a.ExternalId), Markup.Escape(a.Variant ?? ""), a.Kind.ToString(), a.Confidence.ToString("F2", CultureInfo.InvariantCulture), a.Review.ToString());
        }

        console.Write(aliases);
    }

    private static void WriteOfferings(IAnsiConsole console, IReadOnlyList<OfferingView> offerings)
    {
        if (offerings.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Offerings (USD per million tokens)")
            .AddColumn("Provider").AddColumn("Provider's id").AddColumn("Source")
            .AddColumn(new TableColumn("Input").RightAligned()).AddColumn(new TableColumn("Output").RightAligned())
            .AddColumn(new TableColumn("Cache read").RightAligned()).AddColumn(new TableColumn("Cache write").RightAligned())
            .AddColumn("Since").AddColumn("Earlier prices");
        foreach (var o in offerings)
        {
            var p = o.Current;
            var earlier = string.Join("; ", o.History.Where(h => h.EffectiveTo is not null).Select(h =>
                $"{ModelFields.Format(h.EffectiveFrom) ?? "earlier"}..{ModelFields.Format(h.EffectiveTo)}: {Text.Price(h.Input)}/{Text.Price(h.Output)}"));
            var tiers = p is { Tiers.Count: > 0 } ? " + " + string.Join(", ", p.Tiers.Select(t => $">{t.AboveInputTokens:N0}: {Text.Price(t.Input)}/{Text.Price(t.Output)}")) : "";
            table.AddRow(
                Markup.Escape(o.Offering.Provider), Markup.Escape(o.Offering.ProviderModelId), Markup.Escape(o.Offering.Source),
                Text.Price(p?.Input), Markup.Escape(Text.Price(p?.Output) + tiers), Text.Price(p?.CacheRead), Text.Price(p?.CacheWrite),
                p is null ? "" : ModelFields.Format(p.EffectiveFrom) ?? "earlier", Markup.Escape(earlier));
        }

        console.Write(table);
    }
}
