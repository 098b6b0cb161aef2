namespace Modelwatch.Core.Catalog.Identity;

/// <summary>Whether two names could be the same model, and if not, the one reason a person can check.</summary>
/// <param name="Agrees">False when a guard rail rules the pair out.</param>
/// <param name="Reason">Why not (<c>size 8b ≠ 70b</c>), or null.</param>
public readonly record struct Agreement(bool Agrees, string? Reason)
{
    public static Agreement Yes { get; } = new(true, null);

    public static Agreement No(string reason) => new(false, reason);
}

/// <summary>
/// The guard rails against wrong merges. Any link that is not letter-for-letter, and any candidate proposed for
/// review, must pass them: sizes agree (<c>8b</c> ≠ <c>70b</c>, <c>a22b</c>, <c>e4b</c>), versions agree (<c>3.5</c> ≠
/// <c>3</c>, <c>v3</c> ≠ <c>v3.1</c>), family qualifiers agree (<c>mini</c>, <c>nano</c>, <c>flash</c> vs
/// <c>flash-lite</c>, <c>turbo</c>, <c>pro</c>, <c>air</c>, <c>vl</c>, <c>coder</c>, <c>instruct</c> vs <c>chat</c>),
/// dated snapshots do not contradict, and lab hints do not contradict.
/// </summary>
/// <remarks>
/// <c>instruct</c> is a qualifier, not noise: <c>qwen3-235b-a22b</c> (hybrid) and <c>qwen3-235b-a22b-instruct-2507</c>
/// are different weights, and so are a base model and its instruct tune. A source that leaves out a size that the
/// other states (<c>nemotron-3-nano-30b</c> for <c>nemotron-3-nano-30b-a3b</c>: no active size) does not contradict
/// it; a different size of the same kind (total, active, effective, context, experts) does.
/// </remarks>
public static class NameAgreement
{
    /// <summary>Strict: only word order, expert counts one side omits and missing sizes may differ. For links.</summary>
    public static Agreement ForLink(NormalizedName a, NormalizedName b) => Compare(a, b, strictQualifiers: true, strictWords: true);

    /// <summary>For a match rule's link: family words may differ (the rule knows the spelling), nothing else may.</summary>
    public static Agreement ForRule(NormalizedName a, NormalizedName b) => Compare(a, b, strictQualifiers: true, strictWords: false);

    /// <summary>Loose: family words and soft qualifiers (<c>instruct</c>, <c>chat</c>, <c>preview</c>) may differ. For review candidates.</summary>
    public static Agreement ForCandidate(NormalizedName a, NormalizedName b) => Compare(a, b, strictQualifiers: false, strictWords: false);

    /// <summary>Whether two lab slugs contradict each other (both known and different).</summary>
    public static bool LabsContradict(string? a, string? b) =>
        a is not null && b is not null && !string.Equals(a, b, StringComparison.Ordinal);

    private static Agreement Compare(NormalizedName a, NormalizedName b, bool strictQualifiers, bool strictWords)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sizesA = Of(a, TokenClass.Size);
        var sizesB = Of(b, TokenClass.Size);
        foreach (var kind in sizesA.Select(NameTokens.SizeKind).Intersect(sizesB.Select(NameTokens.SizeKind)))
        {
            if (!sizesA.Where(t => NameTokens.SizeKind(t) == kind).ToHashSet(StringComparer.Ordinal).SetEquals(sizesB.Where(t => NameTokens.SizeKind(t) == kind)))
            {
                return Agreement.No($"size {Show(sizesA)} ≠ {Show(sizesB)}");
            }
        }

        if (a.Experts.Count > 0 && b.Experts.Count > 0 && !a.Experts.ToHashSet(StringComparer.Ordinal).SetEquals(b.Experts))
        {
            return Agreement.No($"experts {string.Join(' ', a.Experts)} ≠ {string.Join(' ', b.Experts)}");
        }

        var versionsA = Versions(a, dropFirstVersion: false);
        var versionsB = Versions(b, dropFirstVersion: false);
        if (!versionsA.SetEquals(versionsB))
        {
            return Agreement.No($"version {Show(versionsA)} ≠ {Show(versionsB)}");
        }

        var qualifiersA = Of(a, TokenClass.Qualifier);
        var qualifiersB = Of(b, TokenClass.Qualifier);
        if (!strictQualifiers)
        {
            qualifiersA.RemoveWhere(NameVocabulary.IsSoftQualifier);
            qualifiersB.RemoveWhere(NameVocabulary.IsSoftQualifier);
        }

        if (!qualifiersA.SetEquals(qualifiersB))
        {
            return Agreement.No($"qualifier {Show(qualifiersA)} ≠ {Show(qualifiersB)}");
        }

        if (strictWords)
        {
            var wordsA = Of(a, TokenClass.Word);
            var wordsB = Of(b, TokenClass.Word);
            if (!wordsA.SetEquals(wordsB))
            {
                return Agreement.No($"name {Show(wordsA)} ≠ {Show(wordsB)}");
            }
        }

        var snapshotA = a.VariantParts.FirstOrDefault(p => p.Kind == VariantKind.Snapshot).Value;
        var snapshotB = b.VariantParts.FirstOrDefault(p => p.Kind == VariantKind.Snapshot).Value;
        if (snapshotA is not null && snapshotB is not null && snapshotA != snapshotB)
        {
            return Agreement.No($"snapshot {snapshotA} ≠ {snapshotB}");
        }

        return LabsContradict(a.LabHint, b.LabHint) ? Agreement.No($"lab {a.LabHint} ≠ {b.LabHint}") : Agreement.Yes;
    }

    /// <summary>
    /// The version words of a name in comparable form (<c>2.0</c> → <c>2</c>, <c>v1.0</c> → <c>v1</c>); with
    /// <paramref name="dropFirstVersion"/> a bare first version (<c>1</c>, <c>v1</c>) is left out, as names often omit it.
    /// </summary>
    internal static HashSet<string> Versions(NormalizedName name, bool dropFirstVersion)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in name.Tokens)
        {
            if (NameTokens.Classify(token) != TokenClass.Version)
            {
                continue;
            }

            var version = token;
            while (version.EndsWith(".0", StringComparison.Ordinal))
            {
                version = version[..^2];
            }

            // With dropFirstVersion (display names), also leave out dates spelled as versions ("v1106", "0528").
            if (!(dropFirstVersion && (version is "1" or "v1" || version.Count(char.IsAsciiDigit) >= 4)))
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    private static HashSet<string> Of(NormalizedName name, TokenClass kind) =>
        name.Tokens.Where(t => NameTokens.Classify(t) == kind).ToHashSet(StringComparer.Ordinal);

    private static string Show(HashSet<string> set) => set.Count == 0 ? "(none)" : string.Join(' ', set.Order(StringComparer.Ordinal));
}
