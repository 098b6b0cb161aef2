namespace Modelwatch.Core.News.Processing;

/// <summary>What a catalog entity is (the store's NewsEntityKind has the same names).</summary>
public enum EntityKindCode
{
    /// <summary>A catalog model; the id is its canonical id.</summary>
    Model,

    /// <summary>A lab; the id is the catalog's lab name.</summary>
    Lab,
}

/// <summary>A name an entity is known by (a catalog alias, a model's display name, a lab's name).</summary>
public sealed record EntityAlias(string Text, EntityKindCode Kind, string EntityId);

/// <summary>One mention found: the entity, and where it is in the text (<paramref name="Mention"/> as written there).</summary>
public sealed record EntityMatch(EntityKindCode Kind, string EntityId, string Mention, int Start, int Length);

/// <summary>
/// Finds mentions of catalog models and labs in news text through their aliases: case-insensitive, on word boundaries
/// ("GPT-4o" is the words <c>gpt 4o</c>, so "GPT 4o" and "gpt-4o" match it and "GPT-4o-mini" matches the longer alias
/// when there is one), the longest alias at each place wins and matches never overlap.
/// </summary>
/// <remarks>
/// Guards against the mentions that are not: an alias that is an English function word ("a", "it") is never used; a
/// one-word alias of at most five letters or two characters with a digit ("o1", "R1", "Phi", "Grok") must match in the
/// case it is written (so "phi" in a physics abstract or "r1" in a list does not count); an alias naming several entities
/// of one kind (two "Llama" models) is dropped as ambiguous, and one naming a lab and a model ("Gemini", "Mistral")
/// links the lab — a bare family name says who made it, not which model.
/// </remarks>
public sealed class EntityLinker
{
    private readonly Dictionary<string, List<Candidate>> _byFirstWord = new(StringComparer.Ordinal);

    public EntityLinker(IEnumerable<EntityAlias> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var byWords = new Dictionary<string, List<EntityAlias>>(StringComparer.Ordinal);
        foreach (var alias in aliases)
        {
            ArgumentNullException.ThrowIfNull(alias);
            var words = NewsText.Words(alias.Text);
            if (words.Length == 0 || (words.Length == 1 && !NewsText.IsSignificant(words[0]) && !HasDigit(words[0])))
            {
                continue;
            }

            var key = string.Join(' ', words);
            if (!byWords.TryGetValue(key, out var list))
            {
                byWords[key] = list = [];
            }

            if (!list.Exists(a => a.Kind == alias.Kind && a.EntityId == alias.EntityId))
            {
                list.Add(alias);
            }
        }

        foreach (var (key, named) in byWords)
        {
            var chosen = Resolve(named);
            if (chosen is null)
            {
                continue;
            }

            var words = key.Split(' ');
            var exactCase = words.Length == 1 && IsShort(words[0]) ? CaseForm(named[0].Text) : null;
            if (!_byFirstWord.TryGetValue(words[0], out var candidates))
            {
                _byFirstWord[words[0]] = candidates = [];
            }

            candidates.Add(new Candidate(words, chosen, exactCase));
        }

        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    /// <summary>The mentions in <paramref name="text"/>, in order of position.</summary>
    public IReadOnlyList<EntityMatch> Find(string? text)
    {
        if (string.IsNullOrEmpty(text) || _byFirstWord.Count == 0)
        {
            return [];
        }

        var tokens = Tokenize(text);
        var matches = new List<EntityMatch>();
        for (var i = 0; i < tokens.Count;)
        {
            var match = LongestAt(text, tokens, i);
            if (match is null)
            {
                i++;
                continue;
            }

            var (candidate, count) = match.Value;
            var start = tokens[i].Start;
            var end = tokens[i + count - 1].Start + tokens[i + count - 1].Length;
            matches.Add(new EntityMatch(candidate.Entity.Kind, candidate.Entity.EntityId, text[start..end], start, end - start));
            i += count;
        }

        return matches;
    }

    private (Candidate Candidate, int Words)? LongestAt(string text, List<Token> tokens, int i)
    {
        if (!_byFirstWord.TryGetValue(tokens[i].Lower, out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            var n = candidate.Words.Length;
            if (i + n > tokens.Count)
            {
                continue;
            }

            var all = true;
            for (var k = 1; k < n && all; k++)
            {
                all = tokens[i + k].Lower == candidate.Words[k];
            }

            if (all && (candidate.ExactCase is null || string.Equals(text.Substring(tokens[i].Start, tokens[i].Length), candidate.ExactCase, StringComparison.Ordinal)))
            {
                return (candidate, n);
            }
        }

        return null;
    }

    private static EntityAlias? Resolve(List<EntityAlias> named)
    {
        if (named.Count == 1)
        {
            return named[0];
        }

        var labs = named.Where(a => a.Kind == EntityKindCode.Lab).ToList();
        return labs.Count == 1 ? labs[0] : null;
    }

    private static bool IsShort(string word) =>
        HasDigit(word) ? word.Length <= 2 : word.Length <= 5;

    private static bool HasDigit(string word) => word.Any(char.IsDigit);

    /// <summary>The alias's one word as written (letters and digits only), to compare case-exactly.</summary>
    private static string CaseForm(string alias) => new([.. alias.Where(char.IsLetterOrDigit)]);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            tokens.Add(new Token(start, i - start, text[start..i].ToLowerInvariant()));
        }

        return tokens;
    }

    private readonly record struct Token(int Start, int Length, string Lower);

    private sealed record Candidate(string[] Words, EntityAlias Entity, string? ExactCase);
}
