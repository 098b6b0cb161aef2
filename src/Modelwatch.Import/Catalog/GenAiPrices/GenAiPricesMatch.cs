using System.Text.Json;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Import.Catalog.GenAiPrices;

/// <summary>
/// A genai-prices <c>match</c> clause as a <see cref="MatchRule"/>: an object with exactly one member, one of
/// <c>equals</c>, <c>starts_with</c>, <c>ends_with</c>, <c>contains</c> (case-insensitive, as genai-prices lower-cases
/// both sides), <c>regex</c> (case-sensitive search, as Python's <c>re.search</c>) or <c>or</c>/<c>and</c> over a
/// non-empty array of clauses.
/// </summary>
internal static class GenAiPricesMatch
{
    /// <summary>The rule, or null with the reason in <paramref name="problems"/>.</summary>
    public static MatchRule? Read(JsonElement clause, string path, RecordProblems problems)
    {
        if (clause.ValueKind != JsonValueKind.Object || clause.GetPropertyCount() != 1)
        {
            problems.Unexpected(path, "a match clause: an object with one of equals, starts_with, ends_with, contains, regex, or, and", clause);
            return null;
        }

        var member = clause.EnumerateObject().First();
        var location = CatalogJson.Member(path, member.Name);
        return member.Name switch
        {
            "equals" => Text(member.Value, location, problems) is { } v ? new MatchRule.EqualsRule(v) : null,
            "starts_with" => Text(member.Value, location, problems) is { } v ? new MatchRule.StartsWithRule(v) : null,
            "ends_with" => Text(member.Value, location, problems) is { } v ? new MatchRule.EndsWithRule(v) : null,
            "contains" => Text(member.Value, location, problems) is { } v ? new MatchRule.ContainsRule(v) : null,
            "regex" => RegexClause(member.Value, location, problems),
            "or" => Clauses(member.Value, location, problems) is { } rules ? new MatchRule.OrRule(rules) : null,
            "and" => Clauses(member.Value, location, problems) is { } rules ? new MatchRule.AndRule(rules) : null,
            _ => Unknown(member.Name, location, problems),
        };
    }

    private static MatchRule.CaseSensitiveRegexRule? RegexClause(JsonElement value, string location, RecordProblems problems)
    {
        if (Text(value, location, problems) is not { } pattern)
        {
            return null;
        }

        try
        {
            return new MatchRule.CaseSensitiveRegexRule(pattern);
        }
        catch (ArgumentException e)
        {
            // Python and .NET share the syntax genai-prices uses; a pattern .NET rejects is reported, not guessed at.
            problems.Bad(location, $"not a regular expression .NET can use: {e.Message}");
            return null;
        }
    }

    private static List<MatchRule>? Clauses(JsonElement value, string location, RecordProblems problems)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            problems.Unexpected(location, "a non-empty array of match clauses", value);
            return null;
        }

        var rules = new List<MatchRule>();
        var index = 0;
        var complete = true;
        foreach (var item in value.EnumerateArray())
        {
            if (Read(item, CatalogJson.Index(location, index++), problems) is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                complete = false;
            }
        }

        return complete ? rules : null;
    }

    /// <summary>Match text: an empty string would match every id, so it is refused.</summary>
    private static string? Text(JsonElement value, string location, RecordProblems problems)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        problems.Unexpected(location, "a non-empty string", value);
        return null;
    }

    private static MatchRule? Unknown(string name, string location, RecordProblems problems)
    {
        problems.Bad(location, $"unknown match clause “{name}”; expected equals, starts_with, ends_with, contains, regex, or, and");
        return null;
    }
}
