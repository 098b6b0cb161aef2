namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>The commit a git checkout is at, read from <c>.git/HEAD</c> (and the ref it names) without running git.</summary>
internal static class GitHead
{
    /// <returns>The 40-digit commit, or null when <paramref name="directory"/> is not a checkout's top or says no commit.</returns>
    public static string? Commit(string directory)
    {
        var git = Path.Combine(directory, ".git");
        var headFile = Path.Combine(git, "HEAD");
        if (!File.Exists(headFile))
        {
            return null;
        }

        try
        {
            var head = File.ReadAllText(headFile).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return IsCommit(head) ? head : null;
            }

            var reference = head[5..].Trim();
            var loose = Path.Combine(git, reference);
            if (File.Exists(loose))
            {
                var commit = File.ReadAllText(loose).Trim();
                return IsCommit(commit) ? commit : null;
            }

            var packed = Path.Combine(git, "packed-refs");
            return File.Exists(packed)
                ? File.ReadLines(packed).Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 2 && p[1] == reference && IsCommit(p[0]))?[0]
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="text"/> is a full SHA-1 commit id in lower-case hex.</summary>
    public static bool IsCommit(string? text) => text is { Length: 40 } && text.All(char.IsAsciiHexDigitLower);
}
