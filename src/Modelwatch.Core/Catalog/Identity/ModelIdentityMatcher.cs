using System.Globalization;

namespace Modelwatch.Core.Catalog.Identity;

/// <summary>
/// Links a source's id to a canonical model of a <see cref="ModelIdentityIndex"/>, in order of certainty:
/// overrides (the hand-kept file) → an alias of the same source, letter for letter → the canonical id or its model
/// part → equal after normalisation → equal after taking the variant off (→ a link with that variant) → a
/// genai-prices match rule → similar words (→ <see cref="MatchKind.Candidate"/>, for a person; never a link).
/// Every link that is not letter-for-letter passes <see cref="NameAgreement"/>'s guard rails, and a lab hint never
/// contradicts the model's lab: a wrong merge is worse than a missing one.
/// </summary>
public sealed class ModelIdentityMatcher : IModelMatcher
{
    /// <summary>Below this word overlap (Dice) no candidate is proposed.</summary>
    public const double CandidateThreshold = 0.6;

    private readonly ModelIdentityIndex _index;
    private readonly IReadOnlyList<IdentityOverride> _overrides;
    private readonly IReadOnlyList<SourceMatchRule> _rules;

    /// <param name="index">The canonical models and their known names.</param>
    /// <param name="overrides">Hand-kept links and vetoes (the overrides file); links to models the index lacks are ignored.</param>
    /// <param name="rules">genai-prices match rules; their <see cref="SourceMatchRule.ModelRef"/> is resolved through the index.</param>
    public ModelIdentityMatcher(ModelIdentityIndex index, IEnumerable<IdentityOverride>? overrides = null, IEnumerable<SourceMatchRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        _overrides = overrides?.ToList() ?? [];
        _rules = rules?.ToList() ?? [];
    }

    /// <summary>Whether to look for similar names to propose for review when nothing links (off while building an index).</summary>
    public bool ProposeCandidates { get; init; } = true;

    /// <summary>Override links whose model is not in the index (a typo in the file, or a model not imported yet).</summary>
    public IReadOnlyList<IdentityOverride> UnknownOverrideTargets =>
        _overrides.Where(o => o.Kind == OverrideKind.Link && !_index.Contains(o.ModelId)).ToList();

    public IdentityMatch Match(string source, string externalId, MatchHints hints)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(externalId);
        hints ??= MatchHints.None;
        var name = ModelNameNormalizer.Normalize(externalId);
        var lab = NameVocabulary.LabOf(hints.Lab) ?? NameVocabulary.LabOf(hints.Organisation) ?? name.LabHint;
        var query = new Query(source, externalId, name, lab, Vetoed(source, externalId));

        return FromOverride(query)
            ?? FromSameSourceAlias(query)
            ?? FromCanonicalId(query)
            ?? (name.IsEmpty ? IdentityMatch.None($"no model name left in '{externalId}'") : null)
            ?? FromKey(query, name.FullKey)
            ?? FromSameBase(query)
            ?? FromRules(query)
            ?? (ProposeCandidates ? FromSimilarWords(query) : null)
            ?? IdentityMatch.None($"no known model named like '{name}'");
    }

    private HashSet<string> Vetoed(string source, string externalId) =>
        _overrides.Where(o => o.Kind == OverrideKind.Never && o.Covers(source, externalId))
            .Select(o => o.ModelId).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private IdentityMatch? FromOverride(Query q)
    {
        var link = _overrides.FirstOrDefault(o => o.Kind == OverrideKind.Link && o.Covers(q.Source, q.ExternalId) && _index.Contains(o.ModelId));
        return link is null
            ? null
            : new IdentityMatch(_index.Get(link.ModelId)!.CanonicalId, link.Variant, MatchKind.Override, 1.0, null,
                $"override {link.Origin ?? "(overrides)"}: '{q.ExternalId}' is {link.ModelId}{(link.Variant is null ? "" : " variant " + link.Variant)}");
    }

    private IdentityMatch? FromSameSourceAlias(Query q)
    {
        if (_index.AliasOf(q.Source, q.ExternalId) is not { } hit || q.Vetoed.Contains(hit.Model.CanonicalId))
        {
            return null;
        }

        var variant = hit.Alias.Variant ?? RemainingVariant(q.Name, hit.Model);
        return new IdentityMatch(hit.Model.CanonicalId, variant, MatchKind.Exact, 1.0, null,
            $"'{q.ExternalId}' is a known {q.Source} alias of {hit.Model.CanonicalId}");
    }

    private IdentityMatch? FromCanonicalId(Query q)
    {
        var id = q.ExternalId.Trim();
        if (_index.Get(id) is { } exact && !q.Vetoed.Contains(exact.CanonicalId))
        {
            return new IdentityMatch(exact.CanonicalId, null, MatchKind.Exact, 1.0, null, $"'{id}' is the canonical id");
        }

        var sameName = _index.ByModelPart(id)
            .Where(e => !e.CanonicalId.StartsWith(IdentityIndexBuilder.ProvisionalPrefix, StringComparison.Ordinal))
            .Where(e => !q.Vetoed.Contains(e.CanonicalId) && !NameAgreement.LabsContradict(q.Lab, e.Lab))
            .Where(e => !DisplayNameSaysOtherGeneration(q, new ModelIdentityIndex.NameRef(e, e.Primary, IsPrimary: true, null, ModelIdentityIndex.StatedVersions(e.DisplayName))))
            .ToList();
        return sameName.Count == 1
            ? new IdentityMatch(sameName[0].CanonicalId, null, MatchKind.Exact, 1.0, null, $"'{id}' is the model part of {sameName[0].CanonicalId}")
            : null;
    }

    /// <summary>Names whose normalised key is <paramref name="key"/>.</summary>
    private IdentityMatch? FromKey(Query q, string key)
    {
        var refs = _index.ByKey(key).Where(r => Eligible(q, r)).ToList();
        return refs.Count == 0 ? null : Link(q, refs, MatchKind.Normalised, 0.95, $"normalised '{q.Name}'");
    }

    /// <summary>One model among the names found → a link; several → a candidate naming the rivals.</summary>
    private static IdentityMatch Link(Query q, List<ModelIdentityIndex.NameRef> refs, MatchKind kind, double confidence, string how)
    {
        var chosen = Choose(q, refs, out var rivals);
        if (chosen is null)
        {
            var first = refs.OrderBy(r => r.Model.CanonicalId, StringComparer.Ordinal).First().Model;
            return new IdentityMatch(null, q.Name.Variant, MatchKind.Candidate, Round(confidence * 0.6), first.CanonicalId,
                $"{how} is ambiguous: {string.Join(", ", rivals)}");
        }

        var wordOrder = chosen.Name.Tokens.SequenceEqual(q.Name.Tokens) ? "" : ", word order aside";
        var via = chosen.IsPrimary ? "" : $" (alias '{chosen.Alias!.ExternalId}' of {chosen.Alias.Source})";
        return new IdentityMatch(chosen.Model.CanonicalId, RemainingVariant(q.Name, chosen.Model), kind,
            wordOrder.Length > 0 ? Round(confidence - 0.03) : confidence, null,
            $"{how} = {chosen.Model.CanonicalId}{via}{wordOrder}");
    }

    /// <summary>
    /// Same model words, different variant. In order: a name with the query's snapshot and nothing else
    /// (<c>claude-opus-4-5-20251101</c> for <c>…-20251101-thinking-32k</c>); the model itself, undated
    /// (<c>gpt-4.1</c> for <c>gpt-4.1-2025-04-14</c>); a variant name of the same model with no other snapshot
    /// (<c>llama-2-7b-chat-fp16</c> for <c>llama-2-7b-chat</c>). A moving <c>-latest</c> on one side only, or a
    /// dropped bare <c>-thinking</c> in a family with separate thinking weights, gives a candidate, not a link.
    /// </summary>
    private IdentityMatch? FromSameBase(Query q)
    {
        var refs = _index.ByBase(q.Name.BaseKey).Where(r => Eligible(q, r) && r.Name.FullKey != q.Name.FullKey).ToList();
        if (refs.Count == 0)
        {
            return null;
        }

        var snapshot = SnapshotOf(q.Name);
        var doubtful = new List<(ModelIdentityIndex.NameRef Ref, string Why)>();
        var usable = new List<ModelIdentityIndex.NameRef>();
        foreach (var r in refs)
        {
            var theirs = SnapshotOf(r.Name);
            if (theirs is not null && theirs != snapshot)
            {
                continue;
            }

            if (HasLatest(q.Name) != HasLatest(r.Name))
            {
                doubtful.Add((r, "'-latest' points to whatever is newest, so a fixed name cannot be confirmed against it"));
            }
            else if (ThinkingDiffers(q.Name, r.Name) && _index.HasBase(q.Name.Tokens.Append("instruct")))
            {
                doubtful.Add((r, "its family has separate -instruct and -thinking models, so 'thinking' may name a model, not a mode"));
            }
            else if (snapshot is not null && theirs is null && SplitReleaseOnDate(q.Name, snapshot) is { } split)
            {
                doubtful.Add((r, $"the family has a separate {split} release of that date, which this name may abbreviate"));
            }
            else
            {
                usable.Add(r);
            }
        }

        var levels = new (Func<ModelIdentityIndex.NameRef, bool> Take, double Confidence, string How)[]
        {
            (r => snapshot is not null && r.Name.VariantParts.Count == 1 && SnapshotOf(r.Name) == snapshot, 0.9, "without its mode"),
            (r => r.Name.VariantParts.Count == 0, snapshot is null ? 0.9 : 0.85, "without its variant"),
            (_ => true, 0.8, "as a variant of the same model"),
        };
        foreach (var (take, confidence, how) in levels)
        {
            var level = usable.Where(take).ToList();
            if (level.Count > 0)
            {
                return Link(q, level, MatchKind.Normalised, confidence, $"normalised '{q.Name}' {how}");
            }
        }

        if (doubtful.Count == 0)
        {
            return null;
        }

        var (first, why) = doubtful.OrderBy(d => d.Ref.Model.CanonicalId, StringComparer.Ordinal).First();
        return new IdentityMatch(null, q.Name.Variant, MatchKind.Candidate, 0.4, first.Model.CanonicalId,
            $"'{q.Name}' may be {first.Model.CanonicalId} ('{first.Name}'), but {why}: needs review");
    }

    /// <summary>
    /// <c>qwen3-235b-a22b-2507</c> (OpenRouter) is the 2507 Instruct model, not a snapshot of the hybrid
    /// <c>qwen3-235b-a22b</c>: when the family has an <c>-instruct</c> or <c>-thinking</c> release on the query's date,
    /// the bare dated name is ambiguous. Returns that release's qualifier, or null.
    /// </summary>
    private string? SplitReleaseOnDate(NormalizedName query, string snapshot)
    {
        if (query.Tokens.Any(t => t is "instruct" or "thinking"))
        {
            return null;
        }

        foreach (var qualifier in new[] { "instruct", "thinking" })
        {
            var key = $"{string.Join(' ', query.Tokens.Append(qualifier).Order(StringComparer.Ordinal))}|{snapshot}";
            if (_index.ByKey(key).Count > 0)
            {
                return "-" + qualifier;
            }
        }

        return null;
    }

    private static string? SnapshotOf(NormalizedName name) => name.VariantParts.FirstOrDefault(p => p.Kind == VariantKind.Snapshot).Value;

    private static bool HasLatest(NormalizedName name) => name.VariantParts.Any(p => p.Kind == VariantKind.Other && p.Value == "latest");

    private static bool ThinkingDiffers(NormalizedName a, NormalizedName b) =>
        a.VariantParts.Any(p => p.Value is "thinking" or "reasoning") != b.VariantParts.Any(p => p.Value is "thinking" or "reasoning");

    private IdentityMatch? FromRules(Query q)
    {
        if (_rules.Count == 0)
        {
            return null;
        }

        var lower = q.ExternalId.Trim().ToLowerInvariant();
        var lastSegment = lower[(lower.LastIndexOf('/') + 1)..];
        var hits = new Dictionary<string, (ModelIdentityIndex.Entry Model, SourceMatchRule Rule)>(StringComparer.OrdinalIgnoreCase);
        var refused = new List<string>();
        foreach (var rule in _rules)
        {
            if (!rule.Rule.Matches(lastSegment) && !rule.Rule.Matches(lower))
            {
                continue;
            }

            if (ResolveReference(rule.ModelRef) is not { } model || q.Vetoed.Contains(model.CanonicalId))
            {
                continue;
            }

            var agreement = NameAgreement.ForRule(q.Name, model.Primary);
            if (!agreement.Agrees || NameAgreement.LabsContradict(q.Lab, model.Lab))
            {
                refused.Add($"{model.CanonicalId} ({agreement.Reason ?? "lab differs"})");
                continue;
            }

            hits.TryAdd(model.CanonicalId, (model, rule));
        }

        if (hits.Count == 1)
        {
            var (model, rule) = hits.Values.Single();
            return new IdentityMatch(model.CanonicalId, RemainingVariant(q.Name, model), MatchKind.Rule, 0.8, null,
                $"match rule of {rule.ModelRef} takes '{q.ExternalId}' → {model.CanonicalId}");
        }

        if (hits.Count > 1)
        {
            var first = hits.Keys.Order(StringComparer.Ordinal).First();
            return new IdentityMatch(null, q.Name.Variant, MatchKind.Candidate, 0.5, first,
                $"match rules disagree on '{q.ExternalId}': {string.Join(", ", hits.Keys.Order(StringComparer.Ordinal))}");
        }

        return null;
    }

    /// <summary>A genai-prices model reference (<c>anthropic/claude-3-5-sonnet</c>) as a model of the index, when it is one.</summary>
    private ModelIdentityIndex.Entry? ResolveReference(string reference)
    {
        if (_index.Get(reference) is { } exact)
        {
            return exact;
        }

        if (_index.AliasOf(CatalogSources.GenAiPrices, reference) is { } alias)
        {
            return alias.Model;
        }

        var name = ModelNameNormalizer.Normalize(reference);
        var models = _index.ByKey(name.FullKey).Select(r => r.Model).Distinct().ToList();
        return models.Count == 1 ? models[0] : null;
    }

    /// <summary>Word overlap: never a link, at best a candidate for the review queue that passes the loose guard rails.</summary>
    private IdentityMatch? FromSimilarWords(Query q)
    {
        var words = q.Name.Tokens.ToHashSet(StringComparer.Ordinal);
        var best = (Score: 0.0, Ref: (ModelIdentityIndex.NameRef?)null);
        var seen = new HashSet<ModelIdentityIndex.NameRef>(ReferenceEqualityComparer.Instance);
        foreach (var word in words)
        {
            if (NameTokens.Classify(word) is not (TokenClass.Word or TokenClass.Version))
            {
                continue;
            }

            foreach (var candidate in _index.ByWord(word))
            {
                if (!seen.Add(candidate) || q.Vetoed.Contains(candidate.Model.CanonicalId) || NameAgreement.LabsContradict(q.Lab, candidate.Model.Lab))
                {
                    continue;
                }

                var other = candidate.Name.Tokens.ToHashSet(StringComparer.Ordinal);
                if (!SharesFamilyWord(q.Name.Tokens, other))
                {
                    continue;
                }

                var score = 2.0 * other.Count(words.Contains) / (other.Count + words.Count);
                if (score < CandidateThreshold || score < best.Score || !NameAgreement.ForCandidate(q.Name, candidate.Name).Agrees)
                {
                    continue;
                }

                if (score > best.Score || string.CompareOrdinal(candidate.Model.CanonicalId, best.Ref!.Model.CanonicalId) < 0)
                {
                    best = (score, candidate);
                }
            }
        }

        if (best.Ref is null)
        {
            return null;
        }

        var target = best.Ref.Model;
        var differs = NameAgreement.ForLink(q.Name, best.Ref.Name).Reason ?? "variant differs";
        return new IdentityMatch(null, q.Name.Variant, MatchKind.Candidate, Round(best.Score * 0.7), target.CanonicalId,
            $"'{q.Name}' looks like {target.CanonicalId} ('{best.Ref.Name}', word overlap {best.Score.ToString("0.00", CultureInfo.InvariantCulture)}); {differs}: needs review");
    }

    /// <summary>
    /// A candidate must share the query's family word (<c>gemini</c>, <c>hunyuan</c>): equal versions or a shared
    /// second word alone (<c>openchat-3.5</c> / <c>voyage-3.5</c>, <c>hunyuan-standard</c> / <c>agent-standard</c>) mean nothing.
    /// </summary>
    private static bool SharesFamilyWord(IReadOnlyList<string> query, HashSet<string> other)
    {
        var family = query.FirstOrDefault(t => NameTokens.Classify(t) == TokenClass.Word);
        return family is null ? query.Any(other.Contains) : other.Contains(family);
    }

    /// <summary>
    /// A bare family name (<c>mistral-medium</c>: no date, no size) against a name whose display name states a version
    /// the query lacks (<c>Mistral Medium 3.1</c>): labs reuse family names across generations, so this is not the same
    /// model. A query with a date or size (<c>mistral-small-24b-instruct-2501</c> for Mistral Small 3) is specific enough.
    /// </summary>
    private static bool DisplayNameSaysOtherGeneration(Query q, ModelIdentityIndex.NameRef reference) =>
        reference.DisplayVersions.Count > 0 &&
        !q.Name.VariantParts.Any(p => p.Kind == VariantKind.Snapshot) &&
        !q.Name.Tokens.Any(t => NameTokens.Classify(t) == TokenClass.Size) &&
        !reference.DisplayVersions.IsSubsetOf(q.Versions);

    private bool Eligible(Query q, ModelIdentityIndex.NameRef reference) =>
        !q.Vetoed.Contains(reference.Model.CanonicalId) &&
        !DisplayNameSaysOtherGeneration(q, reference) &&
        !NameAgreement.LabsContradict(q.Lab, reference.Model.Lab ?? reference.Name.LabHint) &&
        NameAgreement.ForLink(WithoutVariant(q.Name), WithoutVariant(reference.Name)).Agrees;

    /// <summary>One model among the names found: the only one, else the only canonical name, else the only one of the hinted lab.</summary>
    private static ModelIdentityIndex.NameRef? Choose(Query q, List<ModelIdentityIndex.NameRef> refs, out IReadOnlyList<string> rivals)
    {
        var models = refs.Select(r => r.Model).Distinct().ToList();
        rivals = models.Select(m => m.CanonicalId).Order(StringComparer.Ordinal).ToList();
        if (models.Count == 1)
        {
            return refs.OrderByDescending(r => r.IsPrimary).First();
        }

        var primaries = refs.Where(r => r.IsPrimary).ToList();
        if (primaries.Select(r => r.Model).Distinct().Count() == 1)
        {
            return primaries[0];
        }

        var sameLab = refs.Where(r => q.Lab is not null && r.Model.Lab == q.Lab).ToList();
        return sameLab.Select(r => r.Model).Distinct().Count() == 1 ? sameLab[0] : null;
    }

    /// <summary>The query's variant parts that the model's own name does not already carry (<c>gpt-4o-2024-05-13</c> is itself dated).</summary>
    private static string? RemainingVariant(NormalizedName query, ModelIdentityIndex.Entry model)
    {
        var own = model.Primary.VariantParts;
        var rest = query.VariantParts.Where(p => !own.Contains(p)).Select(p => p.Value).ToList();
        return rest.Count == 0 ? null : string.Join('+', rest);
    }

    private static NormalizedName WithoutVariant(NormalizedName name) =>
        name.VariantParts.Count == 0 ? name : new NormalizedName(name.ExternalId, name.Tokens, [], name.Experts, name.LabHint);

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private sealed record Query(string Source, string ExternalId, NormalizedName Name, string? Lab, HashSet<string> Vetoed)
    {
        /// <summary>The query's versions, as display names are checked against them.</summary>
        public HashSet<string> Versions { get; } = NameAgreement.Versions(Name, dropFirstVersion: true);
    }
}
