using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News.Digest;
using Modelwatch.Data;
using Modelwatch.Data.News;

namespace Modelwatch.News.Digest;

/// <summary>
/// Builds a digest of any window from the database: every item published in it (muted and duplicate ones too, for the
/// counts), their sources' names, their stories and the models and labs they mention; then plans, summarises and
/// composes it. Shared by the web app (pages, the daily job) and the CLI.
/// </summary>
public sealed partial class DigestBuilder(IDbContextFactory<ModelwatchDbContext> contexts)
{
    /// <summary>Reads the window's items and stories.</summary>
    public async Task<DigestInput> LoadAsync(DigestWindow window, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.NewsItems.AsNoTracking()
                .Where(i => i.PublishedAt >= window.From && i.PublishedAt < window.To)
                .Select(i => new
                {
                    i.Id,
                    i.SourceId,
                    i.Title,
                    i.Url,
                    i.Summary,
                    i.ContentHtml,
                    i.Language,
                    i.PublishedAt,
                    i.Importance,
                    i.Muted,
                    i.DuplicateOfId,
                    i.StoryId,
                })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var sourceIds = rows.Select(r => r.SourceId).Distinct().ToList();
            var sources = await db.NewsSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken).ConfigureAwait(false);
            var storyIds = rows.Where(r => r.StoryId is not null).Select(r => r.StoryId!.Value).Distinct().ToList();
            var stories = await db.NewsStories.AsNoTracking().Where(s => storyIds.Contains(s.Id))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var itemIds = rows.Select(r => r.Id).ToList();
            var mentions = await db.NewsItemEntities.AsNoTracking().Where(e => itemIds.Contains(e.ItemId))
                .Select(e => new { e.ItemId, e.Kind, e.EntityId })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var storyOf = rows.ToDictionary(r => r.Id, r => r.StoryId);
            var entities = mentions
                .Where(m => storyOf.GetValueOrDefault(m.ItemId) is not null)
                .GroupBy(m => storyOf[m.ItemId]!.Value)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<string>)[.. g.Select(m => (m.Kind == NewsEntityKind.Model ? "model:" : "lab:") + m.EntityId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

            var items = rows.Select(r => new DigestItem(
                r.Id, r.SourceId, sources.GetValueOrDefault(r.SourceId, "?"), r.Title,
                Uri.TryCreate(r.Url, UriKind.Absolute, out var url) ? url : null,
                !string.IsNullOrWhiteSpace(r.Summary) ? r.Summary : PlainText(r.ContentHtml),
                r.Language, r.PublishedAt, r.Importance, r.Muted, r.DuplicateOfId, r.StoryId)).ToList();
            var facts = stories.Select(s => new DigestStoryFacts(s.Id, s.Title, s.Tags, s.Importance, s.Muted, entities.GetValueOrDefault(s.Id, []))).ToList();
            return new DigestInput(window, language, items, facts);
        }
    }

    /// <summary>Loads, plans, summarises and composes a digest; <paramref name="notes"/> are added to the summariser's.</summary>
    public async Task<DigestDocument> BuildAsync(
        DigestWindow window, string language, IDigestSummarizer summarizer, DigestOptions? options, CancellationToken cancellationToken,
        params string[] notes)
    {
        ArgumentNullException.ThrowIfNull(summarizer);
        options ??= DigestOptions.Default;
        var input = await LoadAsync(window, language, cancellationToken).ConfigureAwait(false);
        var plan = DigestComposer.Plan(input, options);
        var summaries = await summarizer.SummarizeAsync(plan, options, cancellationToken).ConfigureAwait(false);
        var digest = DigestComposer.Compose(plan, summaries);
        return notes.Length == 0 ? digest : digest with { Notes = [.. notes, .. digest.Notes] };
    }

    /// <summary>Text of sanitised HTML (tags out, entities decoded, whitespace collapsed); null for none.</summary>
    internal static string? PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(BlockTags().Replace(html, "\n"));
        text = WebUtility.HtmlDecode(Tags().Replace(text, " "));
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"</(p|div|li|h[1-6])>|<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockTags();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
}
