using Modelwatch.Core.News;
using Modelwatch.News.Feeds.Cleaning;

namespace Modelwatch.News.Feeds;

/// <summary>What every format reader shares: the feed's address (the last base for relative links) and the problems list.</summary>
internal sealed class ReadContext(Uri? address, List<FeedProblem> problems)
{
    private const int MaxDateProblems = 5;
    private int _dateProblems;

    public Uri? Address { get; } = address;

    public List<FeedProblem> Problems { get; } = problems;

    /// <summary>A lenient date; one that cannot be read is a problem (the first few are listed, not hundreds).</summary>
    public DateTimeOffset? Date(string? value, string where)
    {
        var parsed = FeedDates.Parse(value);
        if (parsed is null && !string.IsNullOrWhiteSpace(value) && _dateProblems++ < MaxDateProblems)
        {
            Problems.Add(new FeedProblem(where, $"date \"{value.Trim()}\" is neither RFC 822 nor ISO 8601 nor a known variant; left empty."));
        }

        return parsed;
    }
}
