using System.Globalization;

namespace Modelwatch.Import.Catalog.Aider;

/// <summary>
/// What a leaderboard run's <c>command</c> says: <c>[ENV=… ]aider [--architect] --model &lt;litellm id&gt;
/// [--editor-model …] [--reasoning-effort …] [--thinking-tokens 32k] [# comment]</c>.
/// </summary>
internal sealed record AiderCommand(string? Model, string? EditorModel, string? ReasoningEffort, long? ThinkingTokens, bool Architect)
{
    /// <summary>The command's parts, or null when it is not an <c>aider</c> command line.</summary>
    public static AiderCommand? Parse(string? command)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            return null;
        }

        var tokens = command.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(t => !t.StartsWith('#'))
            .SkipWhile(t => t.Contains('=', StringComparison.Ordinal)) // OPENAI_API_BASE=… before the program
            .ToList();
        if (tokens.Count == 0 || tokens[0] != "aider")
        {
            return null;
        }

        string? model = null, editor = null, effort = null;
        long? thinking = null;
        var architect = false;
        for (var i = 1; i < tokens.Count; i++)
        {
            var (name, value) = Option(tokens, ref i);
            switch (name)
            {
                case "--model":
                    model = value;
                    break;
                case "--editor-model":
                    editor = value;
                    break;
                case "--reasoning-effort":
                    effort = value;
                    break;
                case "--thinking-tokens":
                    thinking = TokenCount(value);
                    break;
                case "--architect":
                    architect = true;
                    break;
                default:
                    break;
            }
        }

        return new AiderCommand(model, editor, effort, thinking, architect);
    }

    /// <summary>Aider's token counts: <c>32k</c> is 32 × 1024, <c>1m</c> 1024², plain digits as they are.</summary>
    public static long? TokenCount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToLowerInvariant();
        var multiplier = t.EndsWith('k') ? 1024L : t.EndsWith('m') ? 1024L * 1024 : 1L;
        var digits = multiplier == 1 ? t : t[..^1];
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 ? (long)Math.Round(n * multiplier) : null;
    }

    private static (string Name, string? Value) Option(List<string> tokens, ref int i)
    {
        var token = tokens[i];
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        if (token.StartsWith("--", StringComparison.Ordinal) && equals > 0)
        {
            return (token[..equals], token[(equals + 1)..]);
        }

        if (token is "--architect" || !token.StartsWith("--", StringComparison.Ordinal) || i + 1 >= tokens.Count || tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            return (token, null);
        }

        return (token, tokens[++i]);
    }
}
