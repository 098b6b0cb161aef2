using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News.Processing;

namespace Modelwatch.Data.News.Store;

/// <summary>Adds and removes mute/boost rules; a rule is checked (a regex compiled) before anything is stored.</summary>
/// <param name="db">The context; the caller owns it.</param>
/// <param name="time">Clock for the creation time.</param>
public sealed class NewsRuleStore(ModelwatchDbContext db, TimeProvider time)
{
    /// <summary>Stores a rule; throws <see cref="ArgumentException"/> naming the pattern when it is empty, too long or not a valid regex.</summary>
    /// <param name="pattern">A keyword or regular expression.</param>
    /// <param name="isRegex">Whether <paramref name="pattern"/> is a regular expression.</param>
    /// <param name="action">Mute or boost.</param>
    /// <param name="weight">The boost (negative lowers); ignored for mute.</param>
    /// <param name="sourceId">Only this source's items; null for all.</param>
    /// <param name="ct">Cancels the write.</param>
    public async Task<NewsRule> AddAsync(string pattern, bool isRegex, NewsRuleAction action, double weight, int? sourceId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new ArgumentException("A rule needs a keyword or pattern.", nameof(pattern));
        }

        if (pattern.Length > NewsRule.MaxPatternLength)
        {
            throw new ArgumentException($"The pattern \"{pattern[..40]}…\" is {pattern.Length} characters; at most {NewsRule.MaxPatternLength} are allowed.", nameof(pattern));
        }

        if (!double.IsFinite(weight))
        {
            throw new ArgumentException($"The weight of rule \"{pattern}\" must be a finite number.", nameof(weight));
        }

        // The rule set is what ingest runs: building it is the check (a bad regex throws, naming the pattern).
        _ = new NewsRuleSet([new NewsRuleSpec(pattern, isRegex, action == NewsRuleAction.Mute, weight, sourceId)]);
        var rule = new NewsRule { Pattern = pattern, IsRegex = isRegex, Action = action, Weight = weight, SourceId = sourceId, CreatedAt = time.GetUtcNow() };
        db.NewsRules.Add(rule);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return rule;
    }

    /// <summary>Removes a rule; false when there is none.</summary>
    /// <param name="id">The rule.</param>
    /// <param name="ct">Cancels the delete.</param>
    public async Task<bool> RemoveAsync(int id, CancellationToken ct = default) =>
        await db.NewsRules.Where(r => r.Id == id).ExecuteDeleteAsync(ct).ConfigureAwait(false) == 1;
}
