namespace Modelwatch.Core.News.Digest;

/// <summary>How much a digest shows.</summary>
/// <param name="MaxBulletsPerSection">Stories per theme shown; the rest are counted as "more" (a day of arXiv is hundreds).</param>
/// <param name="RecapClaims">Sentences in the recap (the top stories).</param>
/// <param name="SummarySentences">Sentences per extractive story summary.</param>
public sealed record DigestOptions(int MaxBulletsPerSection = 12, int RecapClaims = 5, int SummarySentences = 1)
{
    public static DigestOptions Default { get; } = new();
}

/// <summary>
/// Composes a digest in two steps around the summariser: <see cref="Plan"/> counts what was read and picks the
/// stories to show (ranked by importance, grouped by theme, muted ones left out), a summariser (TextRank or a model)
/// writes their summaries and the recap, and <see cref="Compose"/> assembles the sections. Bullets link every item of
/// their story (duplicates too: a reader may prefer another source), so no claim in a digest is without its source.
/// </summary>
public static class DigestComposer
{
    /// <summary>
    /// The themes in section order; a story tagged with several goes to the first (a release of open weights is a
    /// release first). Stories without any tag go to the last section.
    /// </summary>
    public static IReadOnlyList<NewsTags> ThemeOrder { get; } =
    [
        NewsTags.Release, NewsTags.OpenWeights, NewsTags.Benchmark, NewsTags.Paper, NewsTags.Pricing, NewsTags.Funding,
        NewsTags.Policy, NewsTags.Tooling, NewsTags.None,
    ];

    /// <summary>The section a story with <paramref name="tags"/> goes to.</summary>
    public static NewsTags Theme(NewsTags tags)
    {
        foreach (var theme in ThemeOrder)
        {
            if (theme != NewsTags.None && tags.HasFlag(theme))
            {
                return theme;
            }
        }

        return NewsTags.None;
    }

    /// <summary>Counts everything read and picks the stories to show.</summary>
    public static DigestPlan Plan(DigestInput input, DigestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= DigestOptions.Default;
        var items = input.Items.Where(i => input.Window.Contains(i.Published)).ToList();
        var facts = input.Stories.ToDictionary(s => s.Id);
        var groups = items.GroupBy(i => i.StoryId ?? -i.Id).ToList();
        var counts = new DigestCounts(
            items.Select(i => i.SourceId).Distinct().Count(),
            items.Count,
            groups.Count,
            items.Count(i => i.DuplicateOf is not null),
            items.Count(i => i.Muted));

        var muted = 0;
        var unlinked = 0;
        var candidates = new List<PlannedStory>();
        foreach (var group in groups)
        {
            var story = group.First().StoryId is { } id && facts.TryGetValue(id, out var f) ? f : null;
            var visible = group.Where(i => !i.Muted).ToList();
            if (visible.Count == 0 || story?.Muted == true)
            {
                muted++;
                continue;
            }

            var ordered = visible
                .OrderBy(i => i.DuplicateOf is null ? 0 : 1)
                .ThenByDescending(i => i.Importance)
                .ThenBy(i => i.Published)
                .ThenBy(i => i.Id)
                .ToList();
            var lead = ordered[0];
            var links = ordered
                .Where(i => i.Url is not null)
                .DistinctBy(i => i.Url!.AbsoluteUri, StringComparer.Ordinal)
                .Select(i => new DigestLink(i.Id, i.Title, i.Url!.AbsoluteUri, i.SourceName))
                .ToList();
            if (links.Count == 0)
            {
                // Every bullet links to its items: a story none of whose items has an address is counted, not shown.
                unlinked++;
                continue;
            }

            candidates.Add(new PlannedStory(
                group.Key,
                story?.Title ?? lead.Title,
                story?.Tags ?? NewsTags.None,
                story?.Importance ?? lead.Importance,
                lead,
                ordered,
                links,
                story?.Entities ?? []));
        }

        var shown = new List<PlannedStory>();
        foreach (var theme in candidates.GroupBy(s => Theme(s.Tags)))
        {
            shown.AddRange(Rank(theme).Take(options.MaxBulletsPerSection));
        }

        return new DigestPlan(input.Window, input.Language, counts, [.. Rank(shown)], muted)
        {
            Unlinked = unlinked,
            More = candidates.GroupBy(s => Theme(s.Tags))
                .Select(g => (g.Key, More: g.Count() - Math.Min(g.Count(), options.MaxBulletsPerSection)))
                .Where(g => g.More > 0)
                .ToDictionary(g => g.Key, g => g.More),
        };
    }

    /// <summary>Best first: importance, then sources covering it, then the newer lead, then the key (stable).</summary>
    public static IEnumerable<PlannedStory> Rank(IEnumerable<PlannedStory> stories) => stories
        .OrderByDescending(s => s.Importance)
        .ThenByDescending(s => s.SourceCount)
        .ThenByDescending(s => s.Lead.Published)
        .ThenBy(s => s.Key);

    /// <summary>Assembles the digest from a plan and its summaries.</summary>
    public static DigestDocument Compose(DigestPlan plan, DigestSummaries summaries)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(summaries);
        var sections = new List<DigestSection>();
        foreach (var theme in ThemeOrder)
        {
            var bullets = plan.Stories.Where(s => Theme(s.Tags) == theme).Select(s => Bullet(s, summaries)).ToList();
            var more = plan.More.GetValueOrDefault(theme);
            if (bullets.Count > 0)
            {
                sections.Add(new DigestSection(theme, bullets, more));
            }
        }

        var tags = plan.Stories.Aggregate(NewsTags.None, (all, s) => all | s.Tags);
        var keywords = ThemeOrder.Where(t => t != NewsTags.None && tags.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant())
            .Concat(plan.Stories.SelectMany(s => s.Entities).Distinct(StringComparer.Ordinal))
            .ToList();
        return new DigestDocument(
            plan.Window,
            plan.Language,
            DigestLabels.For(plan.Language).Title(plan.Window),
            plan.Counts,
            DigestMarkdown.Recap(summaries.Recap),
            summaries.Recap,
            sections,
            summaries.SummarizedBy,
            summaries.Notes,
            tags,
            keywords);
    }

    private static DigestBullet Bullet(PlannedStory story, DigestSummaries summaries)
    {
        var summary = summaries.Stories.GetValueOrDefault(story.Key);
        var translated = string.IsNullOrWhiteSpace(summary?.TranslatedTitle) ? null : summary.TranslatedTitle.Trim();
        var title = translated ?? story.Title;
        return new DigestBullet(
            story.Key,
            title,
            translated is not null && !string.Equals(translated, story.Title, StringComparison.Ordinal) ? story.Title : null,
            summary?.Text ?? "",
            story.Links,
            story.Tags,
            story.Importance,
            story.SourceCount);
    }
}
