using System.Numerics;

namespace Modelwatch.Core.Votes;

/// <summary>
/// The category boards LMArena publishes, as filters on a vote table: <c>full</c> (every vote), <c>no_tie</c>
/// (a side won), <c>hard_6</c> (at least 6 of the 7 "criteria_v0.1" prompt tags) and one category per tag name
/// (<c>math</c>, <c>creative_writing</c>, <c>if</c>, …: that tag set).
/// </summary>
public static class VoteCategories
{
    public const string Full = "full";
    public const string NoTie = "no_tie";
    public const string Hard6 = "hard_6";

    /// <summary>How many of the <see cref="CriteriaTags"/> a <c>hard_6</c> prompt must carry.</summary>
    public const int HardPromptThreshold = 6;

    /// <summary>The seven prompt criteria of LMArena's hard-prompt classifier, as FastChat names the tags.</summary>
    public static IReadOnlyList<string> CriteriaTags { get; } =
        ["specificity", "domain_knowledge", "complexity", "problem_solving", "creativity", "technical_accuracy", "real_world"];

    /// <summary>
    /// The categories this table can be filtered by: <c>full</c>, <c>no_tie</c>, <c>hard_6</c> when all seven criteria
    /// tags exist, then every tag name in the table's order.
    /// </summary>
    public static IReadOnlyList<string> Available(VoteTable votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var names = new List<string> { Full, NoTie };
        if (CriteriaMask(votes) is not null)
        {
            names.Add(Hard6);
        }

        foreach (var tag in votes.TagNames)
        {
            if (!names.Contains(tag, StringComparer.Ordinal))
            {
                names.Add(tag);
            }
        }

        return names;
    }

    /// <summary>A predicate on vote indices for a category.</summary>
    /// <exception cref="ArgumentException">The category is not one of <see cref="Available"/>; the message lists them.</exception>
    public static Func<int, bool> Filter(VoteTable votes, string category)
    {
        var rule = Resolve(votes, category);
        return rule.Contains;
    }

    /// <summary>Resolves a category name once, so testing a vote is a few bit operations.</summary>
    internal static CategoryRule Resolve(VoteTable votes, string category)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(category);
        switch (category)
        {
            case Full:
                return new CategoryRule(votes, CategoryKind.Everything, 0, "every vote");
            case NoTie:
                return new CategoryRule(votes, CategoryKind.Decisive, 0, "votes where one side won (no tie, no both-bad)");
            case Hard6:
                if (CriteriaMask(votes) is { } mask)
                {
                    return new CategoryRule(
                        votes,
                        CategoryKind.HardPrompt,
                        mask,
                        $"prompts with at least {HardPromptThreshold} of the {CriteriaTags.Count} criteria tags ({string.Join(", ", CriteriaTags)})");
                }

                var missing = CriteriaTags.Where(tag => votes.TagBit(tag) < 0);
                throw new ArgumentException(
                    $"Category '{Hard6}' needs the criteria tags {string.Join(", ", CriteriaTags)}; this vote table lacks {string.Join(", ", missing)}. Available categories: {string.Join(", ", Available(votes))}.",
                    nameof(category));
        }

        var bit = votes.TagBit(category);
        if (bit < 0)
        {
            throw new ArgumentException(
                $"Unknown category '{category}'. Available categories: {string.Join(", ", Available(votes))}.",
                nameof(category));
        }

        return new CategoryRule(votes, CategoryKind.Tag, 1UL << bit, $"votes tagged '{category}'");
    }

    private static ulong? CriteriaMask(VoteTable votes)
    {
        ulong mask = 0;
        foreach (var tag in CriteriaTags)
        {
            var bit = votes.TagBit(tag);
            if (bit < 0)
            {
                return null;
            }

            mask |= 1UL << bit;
        }

        return mask;
    }

    internal enum CategoryKind
    {
        Everything,
        Decisive,
        HardPrompt,
        Tag,
    }

    /// <summary>A resolved category: which votes it contains and how to describe it.</summary>
    internal sealed class CategoryRule(VoteTable votes, CategoryKind kind, ulong mask, string description)
    {
        public CategoryKind Kind => kind;

        public string Description => description;

        public bool Contains(int index) => kind switch
        {
            CategoryKind.Everything => true,
            CategoryKind.Decisive => !votes.Winners[index].IsTie(),
            CategoryKind.HardPrompt => BitOperations.PopCount(TagsOf(index) & mask) >= HardPromptThreshold,
            _ => (TagsOf(index) & mask) != 0,
        };

        // A table where no vote carries a tag has no tag column at all: every vote then has no tags.
        private ulong TagsOf(int index) => votes.HasTags ? votes.Tags[index] : 0;
    }
}
