namespace Modelwatch.Core.Catalog.Identity;

/// <summary>
/// The canonical models a <see cref="ModelIdentityMatcher"/> links to, and every name known for them, looked up by
/// canonical id, by source and id, by normalised key and by word. Names that contradict their model (a provider
/// that files <c>deepseek-r1-distill-qwen-32b</c> under <c>deepseek/deepseek-r1</c>) are kept for their own source
/// only: they answer an exact lookup from that source and never a normalised one from another.
/// </summary>
public sealed class ModelIdentityIndex
{
    private readonly Dictionary<string, Entry> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Entry>> _byModelPart = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (Entry Model, KnownAlias Alias)> _bySourceId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<NameRef>> _byFullKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NameRef>> _byBaseKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NameRef>> _byWord = new(StringComparer.Ordinal);
    private readonly HashSet<string> _baseKeys = new(StringComparer.Ordinal);

    /// <summary>How many canonical models.</summary>
    public int Count => _models.Count;

    /// <summary>Every model with the aliases added so far.</summary>
    public IEnumerable<KnownModel> Models => _models.Values.Select(e => e.ToKnownModel());

    /// <summary>Adds a canonical model and its aliases; a second model with the same id is an error.</summary>
    public void Add(KnownModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.CanonicalId);
        if (_models.ContainsKey(model.CanonicalId))
        {
            throw new InvalidOperationException($"The identity index already has a model '{model.CanonicalId}'.");
        }

        var slash = model.CanonicalId.IndexOf('/', StringComparison.Ordinal);
        var modelPart = slash >= 0 ? model.CanonicalId[(slash + 1)..] : model.CanonicalId;
        var lab = model.Lab ?? (slash > 0 ? NameVocabulary.LabOf(model.CanonicalId[..slash]) : null);
        var primary = ModelNameNormalizer.Normalize(model.PrimaryName ?? modelPart);
        var entry = new Entry(model.CanonicalId, lab, model.DisplayName, model.PrimaryName, WithLab(primary, lab));
        _models.Add(model.CanonicalId, entry);
        if (!_byModelPart.TryGetValue(modelPart, out var sameName))
        {
            _byModelPart[modelPart] = sameName = [];
        }

        sameName.Add(entry);
        Index(new NameRef(entry, entry.Primary, IsPrimary: true, null, StatedVersions(model.DisplayName)));
        foreach (var alias in model.Aliases)
        {
            AddAlias(model.CanonicalId, alias);
        }
    }

    /// <summary>Adds a source's name for a model already in the index.</summary>
    public void AddAlias(string canonicalId, KnownAlias alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        if (!_models.TryGetValue(canonicalId, out var entry))
        {
            throw new InvalidOperationException($"No model '{canonicalId}' in the identity index to add the alias '{alias.ExternalId}' to.");
        }

        entry.Aliases.Add(alias);
        _bySourceId[SourceKey(alias.Source, alias.ExternalId)] = (entry, alias);
        var name = ModelNameNormalizer.Normalize(alias.ExternalId);
        name = WithLab(name, NameVocabulary.LabOf(alias.Lab) ?? name.LabHint);
        if (!name.IsEmpty && NameAgreement.ForLink(name, entry.Primary).Agrees)
        {
            Index(new NameRef(entry, name, IsPrimary: false, alias, StatedVersions(alias.DisplayName ?? entry.DisplayName)));
        }
    }

    /// <summary>Whether the index has this canonical id.</summary>
    public bool Contains(string canonicalId) => _models.ContainsKey(canonicalId);

    /// <summary>The model with this canonical id and its aliases, or null.</summary>
    public KnownModel? Find(string canonicalId) => _models.TryGetValue(canonicalId, out var e) ? e.ToKnownModel() : null;

    /// <summary>The canonical id a source's id is an alias of (letter for letter, any case), or null.</summary>
    public string? ModelOf(string source, string externalId) =>
        _bySourceId.TryGetValue(SourceKey(source, externalId), out var hit) ? hit.Model.CanonicalId : null;

    internal Entry? Get(string canonicalId) => _models.GetValueOrDefault(canonicalId);

    internal (Entry Model, KnownAlias Alias)? AliasOf(string source, string externalId) =>
        _bySourceId.TryGetValue(SourceKey(source, externalId), out var hit) ? hit : null;

    internal IReadOnlyList<Entry> ByModelPart(string modelPart) => _byModelPart.GetValueOrDefault(modelPart) ?? (IReadOnlyList<Entry>)[];

    internal IReadOnlyList<NameRef> ByKey(string key) => _byFullKey.GetValueOrDefault(key) ?? (IReadOnlyList<NameRef>)[];

    internal IReadOnlyList<NameRef> ByBase(string baseKey) => _byBaseKey.GetValueOrDefault(baseKey) ?? (IReadOnlyList<NameRef>)[];

    internal IReadOnlyList<NameRef> ByWord(string word) => _byWord.GetValueOrDefault(word) ?? (IReadOnlyList<NameRef>)[];

    /// <summary>Whether some known name has exactly these model words (any order, any variant).</summary>
    internal bool HasBase(IEnumerable<string> tokens) => _baseKeys.Contains(string.Join(' ', tokens.Order(StringComparer.Ordinal)));

    private void Index(NameRef reference)
    {
        var name = reference.Name;
        Add(_byFullKey, name.FullKey, reference);
        Add(_byBaseKey, name.BaseKey, reference);
        _baseKeys.Add(name.BaseKey);
        foreach (var word in name.Tokens.Distinct(StringComparer.Ordinal))
        {
            Add(_byWord, word, reference);
        }
    }

    private static void Add(Dictionary<string, List<NameRef>> map, string key, NameRef reference)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Any(r => ReferenceEquals(r.Model, reference.Model) && r.Name.FullKey == reference.Name.FullKey && r.IsPrimary == reference.IsPrimary))
        {
            list.Add(reference);
        }
    }

    private static NormalizedName WithLab(NormalizedName name, string? lab) =>
        lab is null || name.LabHint == lab ? name : new NormalizedName(name.ExternalId, name.Tokens, name.VariantParts, name.Experts, lab);

    private static string SourceKey(string source, string externalId) => $"{source}\n{externalId}";

    /// <summary>A canonical model as the index holds it.</summary>
    internal sealed class Entry(string canonicalId, string? lab, string? displayName, string? primaryName, NormalizedName primary)
    {
        public string CanonicalId { get; } = canonicalId;

        public string? Lab { get; } = lab;

        public string? DisplayName { get; } = displayName;

        public string? PrimaryName { get; } = primaryName;

        /// <summary>The model's own name (the model part of the canonical id, or its primary name), normalised.</summary>
        public NormalizedName Primary { get; } = primary;

        public List<KnownAlias> Aliases { get; } = [];

        public KnownModel ToKnownModel() => new(CanonicalId) { Lab = Lab, DisplayName = DisplayName, PrimaryName = PrimaryName, Aliases = [.. Aliases] };
    }

    /// <summary>The versions a display name states (<c>Mistral Medium 3.1</c> → <c>3.1</c>), first versions left out.</summary>
    internal static IReadOnlySet<string> StatedVersions(string? displayName) =>
        displayName is null ? new HashSet<string>() : NameAgreement.Versions(ModelNameNormalizer.NormalizeDisplayName(displayName), dropFirstVersion: true);

    /// <summary>One known name of a model: its canonical name or an alias, and the versions its display name states.</summary>
    internal sealed record NameRef(Entry Model, NormalizedName Name, bool IsPrimary, KnownAlias? Alias, IReadOnlySet<string> DisplayVersions);
}
