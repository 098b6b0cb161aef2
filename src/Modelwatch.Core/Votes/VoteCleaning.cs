using System.Globalization;
using System.Runtime.CompilerServices;

namespace Modelwatch.Core.Votes;

/// <summary>
/// Chooses the votes a fit sees, one counted step at a time, in a fixed order: self-votes, excluded models,
/// anonymous only, language, category, ties, de-duplication, per-voter daily cap. Every step is reported,
/// also when it removes nothing, so a board can show exactly how its vote count came about.
/// </summary>
public static class VoteCleaning
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <exception cref="ArgumentException">
    /// An option needs a metadata column the table does not have, the category is unknown, or the daily cap is below 1.
    /// </exception>
    public static CleanedVotes Apply(VoteTable votes, VoteFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(options);

        // Check every option against the table before filtering, so a bad request fails before any work.
        RequireColumn(options.AnonymousOnly, votes.HasAnonymous, nameof(VoteFilterOptions.AnonymousOnly), "the anonymous ('anony') column");
        RequireColumn(options.Language is not null, votes.HasLanguages, nameof(VoteFilterOptions.Language), "the language column");
        RequireColumn(options.DedupSampledOnly, votes.HasDedupTags, nameof(VoteFilterOptions.DedupSampledOnly), "the de-duplication ('dedup_tag') column");
        if (options.DailyCapPerVoter is { } cap)
        {
            if (cap < 1)
            {
                throw new ArgumentException($"{nameof(VoteFilterOptions.DailyCapPerVoter)} must be at least 1, got {cap}.", nameof(options));
            }

            RequireColumn(true, votes.HasJudges, nameof(VoteFilterOptions.DailyCapPerVoter), "the voter ('judge') column");
            RequireColumn(true, votes.HasTimestamps, nameof(VoteFilterOptions.DailyCapPerVoter), "the timestamp ('tstamp') column");
        }

        var category = VoteCategories.Resolve(votes, options.Category);

        var kept = new int[votes.Count];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = i;
        }

        var pipeline = new Pipeline(kept);

        pipeline.Keep("self-votes", "votes of a model against itself (they carry no information)", i => votes.ModelA[i] != votes.ModelB[i]);

        var excluded = ExcludedModelIds(votes, options.ExcludeModels);
        pipeline.Keep(
            "excluded models",
            options.ExcludeModels.Count == 0
                ? "no models excluded"
                : $"votes involving {string.Join(", ", options.ExcludeModels.Order(StringComparer.Ordinal))}",
            excluded.Count == 0 ? null : i => !excluded.Contains(votes.ModelA[i]) && !excluded.Contains(votes.ModelB[i]));

        pipeline.Keep(
            "anonymous only",
            options.AnonymousOnly ? "votes cast with the model names shown, or not known to be anonymous" : "not requested: named votes kept",
            options.AnonymousOnly ? i => votes.Anonymous[i] == 1 : null);

        var languageMatches = options.Language is { } language ? MatchingLanguageIds(votes, language) : [];
        pipeline.Keep(
            "language",
            options.Language is null ? "not requested: every language kept" : $"votes not in '{options.Language}' (or of unknown language)",
            options.Language is null ? null : i => votes.LanguageIds[i] is var id && id >= 0 && languageMatches[id]);

        pipeline.Keep(
            "category",
            $"votes outside '{options.Category}': keeps {category.Description}",
            category.Kind == VoteCategories.CategoryKind.Everything ? null : category.Contains);

        pipeline.Keep(
            "ties",
            options.ExcludeTies ? "ties and both-bad votes" : "not requested: ties and both-bad count half a win each",
            options.ExcludeTies ? i => !votes.Winners[i].IsTie() : null);

        // FastChat keeps a vote whose dedup tag is missing (sampled defaults to true); only an explicit "not sampled" goes.
        pipeline.Keep(
            "dedup sampled only",
            options.DedupSampledOnly ? "repeated prompts not sampled by de-duplication (dedup_tag.sampled = false)" : "not requested: repeated prompts kept",
            options.DedupSampledOnly ? i => votes.DedupSampled[i] != 0 : null);

        if (options.DailyCapPerVoter is { } dailyCap)
        {
            var overCap = OverDailyCap(votes, pipeline.Current, dailyCap);
            pipeline.Keep(
                "daily cap per voter",
                string.Create(CultureInfo.InvariantCulture, $"votes beyond the first {dailyCap} of a voter in a UTC day (votes without voter or time are kept)"),
                i => !overCap.Contains(i));
        }
        else
        {
            pipeline.Keep("daily cap per voter", "not requested: no per-voter cap", null);
        }

        return new CleanedVotes(pipeline.Current.ToArray(), pipeline.Steps);
    }

    private static void RequireColumn(bool requested, bool present, string option, string column)
    {
        if (requested && !present)
        {
            throw new ArgumentException(
                $"{option} needs {column}, but this vote table has none; drop the option or load a file that records it.",
                "options");
        }
    }

    private static HashSet<int> ExcludedModelIds(VoteTable votes, IReadOnlyCollection<string> names)
    {
        var ids = new HashSet<int>();
        foreach (var name in names)
        {
            if (votes.Models.TryGetId(name, out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Which language ids spell the language: files mix "English" and "english".</summary>
    private static bool[] MatchingLanguageIds(VoteTable votes, string language)
    {
        var names = votes.Languages.Names;
        var matches = new bool[names.Count];
        for (var id = 0; id < names.Count; id++)
        {
            matches[id] = string.Equals(names[id], language, StringComparison.OrdinalIgnoreCase);
        }

        return matches;
    }

    /// <summary>
    /// The votes past the first <paramref name="cap"/> of each voter on each UTC day, earliest first; votes at the
    /// same instant keep file order. Votes without a voter or a time cannot be attributed and are never capped.
    /// </summary>
    private static HashSet<int> OverDailyCap(VoteTable votes, ReadOnlySpan<int> candidates, int cap)
    {
        var judges = votes.JudgeIds;
        var times = votes.TimestampsMs;
        var keys = new List<(int Judge, long Day, long Time, int Index)>(candidates.Length);
        foreach (var i in candidates)
        {
            if (judges[i] >= 0 && times[i] != VoteTable.MissingTimestamp)
            {
                keys.Add((judges[i], UtcDay(times[i]), times[i], i));
            }
        }

        keys.Sort();
        var over = new HashSet<int>();
        var run = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            var sameGroup = k > 0 && keys[k].Judge == keys[k - 1].Judge && keys[k].Day == keys[k - 1].Day;
            run = sameGroup ? run + 1 : 1;
            if (run > cap)
            {
                over.Add(keys[k].Index);
            }
        }

        return over;
    }

    /// <summary>Days since the Unix epoch, rounding down also before 1970.</summary>
    private static long UtcDay(long timestampMs)
    {
        var day = timestampMs / MillisecondsPerDay;
        return timestampMs % MillisecondsPerDay < 0 ? day - 1 : day;
    }

    /// <summary>Filters the kept indices in place, in file order, recording one step per call.</summary>
    private sealed class Pipeline(int[] kept)
    {
        private int _count = kept.Length;

        public List<CleaningStep> Steps { get; } = [];

        public ReadOnlySpan<int> Current => kept.AsSpan(0, _count);

        /// <summary>Keeps the votes the predicate accepts; a null predicate records a step that removes nothing.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Keep(string name, string description, Func<int, bool>? keep)
        {
            var before = _count;
            if (keep is not null)
            {
                var write = 0;
                for (var read = 0; read < _count; read++)
                {
                    var index = kept[read];
                    if (keep(index))
                    {
                        kept[write++] = index;
                    }
                }

                _count = write;
            }

            Steps.Add(new CleaningStep(name, description, before - _count, _count));
        }
    }
}
