using Modelwatch.Core.News;

namespace Modelwatch.Web.Features.News;

/// <summary>Tags as the query string and pages name them ("release", "open-weights", …).</summary>
public static class NewsTagNames
{
    /// <summary>Every single tag with its name, in flag order.</summary>
    public static readonly IReadOnlyList<(NewsTags Tag, string Name)> Tags =
    [
        (NewsTags.Release, "release"),
        (NewsTags.OpenWeights, "open-weights"),
        (NewsTags.Benchmark, "benchmark"),
        (NewsTags.Paper, "paper"),
        (NewsTags.Pricing, "pricing"),
        (NewsTags.Funding, "funding"),
        (NewsTags.Policy, "policy"),
        (NewsTags.Tooling, "tooling"),
    ];

    public static IEnumerable<string> All => Tags.Select(t => t.Name);

    /// <summary>Reads a tag name; an empty one means no filter.</summary>
    public static bool TryParse(string? name, out NewsTags? tag)
    {
        tag = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        foreach (var (value, text) in Tags)
        {
            if (string.Equals(text, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                tag = value;
                return true;
            }
        }

        return false;
    }

    /// <summary>The names of the tags set in <paramref name="tags"/>.</summary>
    public static IEnumerable<string> Of(NewsTags tags) => Tags.Where(t => (tags & t.Tag) != 0).Select(t => t.Name);
}
