namespace Modelwatch.News.Feeds.Cleaning;

/// <summary>Absolute links from what feeds write: trimmed, resolved against a base, http(s) only.</summary>
internal static class FeedLinks
{
    /// <summary>The absolute address <paramref name="href"/> names against <paramref name="baseAddress"/>, or null.</summary>
    public static Uri? Resolve(string? href, Uri? baseAddress)
    {
        var text = href?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        // "/path" is absolute on Unix to Uri.TryCreate (a file: URI); feeds mean it relative to their site.
        if (baseAddress is not null && baseAddress.IsAbsoluteUri && Uri.TryCreate(baseAddress, text, out var resolved)
            && resolved.Scheme is "http" or "https")
        {
            return resolved;
        }

        return null;
    }
}
