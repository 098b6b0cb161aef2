using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>A source's id resolved to a canonical model and variant.</summary>
internal readonly record struct ModelLink(string ModelId, string? Variant);

/// <summary>
/// Resolves one source's external ids to canonical models: its alias first, then the canonical id the source
/// states, then the matcher; creates models for sources that may (<see cref="SourceRoles"/>), keeps unmatched ids as
/// aliases, and puts uncertain matches in the review queue. Every id is decided once per batch.
/// </summary>
internal sealed class ModelLinker
{
    private readonly ImportContext _context;
    private readonly IModelMatcher _matcher;
    private readonly Dictionary<string, ModelAlias> _aliases;
    private readonly HashSet<string> _models;
    private readonly HashSet<(string ModelId, string Name)> _variants;
    private readonly Dictionary<string, ModelLink?> _decided = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenQuestion> _open = new(StringComparer.Ordinal);

    private ModelLinker(ImportContext context, IModelMatcher matcher, Dictionary<string, ModelAlias> aliases, HashSet<string> models, HashSet<(string, string)> variants)
    {
        _context = context;
        _matcher = matcher;
        _aliases = aliases;
        _models = models;
        _variants = variants;
    }

    public KindCounter Aliases { get; } = new();

    public KindCounter Variants { get; } = new();

    /// <summary>Models this source created in this import.</summary>
    public HashSet<string> Created { get; } = new(StringComparer.Ordinal);

    public int Unmatched => _decided.Count(d => d.Value is null && _aliases[d.Key].Review is not ReviewState.Pending);

    public int Pending => _decided.Count(d => _aliases[d.Key].Review is ReviewState.Pending);

    public static async Task<ModelLinker> LoadAsync(ImportContext context, IModelMatcher matcher, CancellationToken ct)
    {
        var db = context.Db;
        var aliases = await db.Aliases.AsNoTracking().Where(a => a.Source == context.Source).ToDictionaryAsync(a => a.ExternalId, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var models = (await db.Models.AsNoTracking().Select(m => m.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var variants = (await db.Variants.AsNoTracking().Select(v => new { v.ModelId, v.Name }).ToListAsync(ct).ConfigureAwait(false))
            .Select(v => (v.ModelId, v.Name)).ToHashSet();
        return new ModelLinker(context, matcher, aliases, models, variants);
    }

    /// <summary>The model <paramref name="externalId"/> names, or null when it links nothing (unmatched, pending, rejected).</summary>
    /// <param name="externalId">The source's id.</param>
    /// <param name="canonicalId">The canonical id the source states, if any.</param>
    /// <param name="variant">The variant the source states, if any.</param>
    /// <param name="hints">What the source says about the model.</param>
    /// <param name="describesModel">True for a model record (which may create a model); false for offerings and scores.</param>
    public ModelLink? Link(string externalId, string? canonicalId, string? variant, MatchHints hints, bool describesModel)
    {
        if (_decided.TryGetValue(externalId, out var decided))
        {
            return decided;
        }

        var alias = _aliases.GetValueOrDefault(externalId);
        var mayCreate = describesModel && SourceRoles.MayCreateModels(_context.Source);
        RowChange change;
        if (alias is not null && IsSettled(alias))
        {
            change = Relink(alias, canonicalId, mayCreate);
        }
        else
        {
            var decision = Decide(externalId, canonicalId?.Trim().ToLowerInvariant(), variant, hints, mayCreate);
            change = alias is null ? Add(externalId, decision, hints) : Update(alias, decision, hints);
            alias = _aliases[externalId];
            _open[externalId] = new OpenQuestion(canonicalId, variant, hints, mayCreate, change);
        }

        Aliases.Count(change);
        return _decided[externalId] = Finish(alias);
    }

    /// <summary>
    /// Links every id of <paramref name="batch"/> before anything is written, then asks the matcher once more about
    /// the ids that came out unlinked: it has learned the links made later in the same batch. Without this second
    /// look an id's answer would depend on its place in the file, and a re-import would change links.
    /// </summary>
    public void LinkAll(CatalogBatch batch)
    {
        foreach (var m in batch.Models)
        {
            Link(m.ExternalId, m.CanonicalId, m.Variant, HintsFor(m), describesModel: true);
        }

        foreach (var o in batch.Offerings)
        {
            Link(o.ModelRef, o.CanonicalId, o.Variant, HintsFor(o), describesModel: false);
        }

        foreach (var s in batch.BenchmarkScores)
        {
            Link(s.ModelRef, s.CanonicalId, null, MatchHints.None, describesModel: false);
        }

        foreach (var e in batch.LeaderboardEntries)
        {
            Link(e.ModelRef, null, null, MatchHints.None, describesModel: false);
        }

        foreach (var (externalId, question) in _open)
        {
            if (_decided[externalId] is not null || _aliases[externalId] is var alias && IsSettled(alias))
            {
                continue;
            }

            var decision = Decide(externalId, question.CanonicalId?.Trim().ToLowerInvariant(), question.Variant, question.Hints, question.MayCreate);
            if (decision.ModelId is null || Update(alias, decision, question.Hints) is not RowChange.Changed)
            {
                continue;
            }

            if (question.FirstAnswer is RowChange.Unchanged)
            {
                Aliases.Unchanged--;
                Aliases.Changed++;
            }

            _decided[externalId] = Finish(alias);
        }
    }

    /// <summary>What the matcher is told about a model record.</summary>
    public static MatchHints HintsFor(SourceModel m) => new() { Lab = m.Lab, Organisation = m.Organisation, DisplayName = m.DisplayName };

    /// <summary>What the matcher is told about an offering's model.</summary>
    public static MatchHints HintsFor(SourceOffering o) => new() { Provider = o.Provider };

    private ModelLink? Finish(ModelAlias alias)
    {
        ModelLink? link = alias.ModelId is null ? null : new ModelLink(alias.ModelId, alias.Variant);
        if (link is { Variant: { } name } && _variants.Add((link.Value.ModelId, name)))
        {
            _context.Db.Variants.Add(new ModelVariant { ModelId = link.Value.ModelId, Name = name, Kind = VariantKinds.Guess(name) });
            Variants.Added++;
        }

        return link;
    }

    /// <summary>Linked for good, or rejected by a person: the matcher is not asked again.</summary>
    private static bool IsSettled(ModelAlias alias) =>
        alias.Review is ReviewState.Rejected || (alias.ModelId is not null && alias.Kind is not (MatchKind.Candidate or MatchKind.Unmatched));

    /// <summary>A source that states canonical ids may move one of its ids to another model (models.dev's <c>base_model</c> changed).</summary>
    private RowChange Relink(ModelAlias alias, string? canonicalId, bool mayCreate)
    {
        var id = canonicalId?.Trim().ToLowerInvariant();
        if (alias.Kind is not MatchKind.Canonical || id is null || alias.ModelId is null || id == alias.ModelId || !EnsureModel(id, mayCreate))
        {
            return RowChange.Unchanged;
        }

        _context.Track(alias);
        alias.ModelId = id;
        alias.Explanation = $"canonical id stated by {_context.Source}";
        return RowChange.Changed;
    }

    private AliasDecision Decide(string externalId, string? canonicalId, string? variant, MatchHints hints, bool mayCreate)
    {
        if (canonicalId is not null && EnsureModel(canonicalId, mayCreate))
        {
            return AliasDecision.Linked(canonicalId, variant, MatchKind.Canonical, $"canonical id stated by {_context.Source}");
        }

        var match = _matcher.Match(_context.Source, externalId, hints);
        if (match.IsLinked && _models.Contains(match.ModelId!))
        {
            return new AliasDecision(match.ModelId, match.Variant ?? variant, match.Kind, match.Confidence, ReviewState.Automatic, null, match.Explanation);
        }

        if (match.Kind is MatchKind.Candidate && match.CandidateModelId is { } candidate && _models.Contains(candidate))
        {
            if (mayCreate)
            {
                // A source that describes models keeps its model as a model of its own until a person merges it:
                // a missing merge loses nothing, and the id still links what names it. The merge waits in review.
                var own = CanonicalIds.For(externalId, hints.Lab, hints.Organisation);
                var ownId = _models.Contains(own) ? own : Create(own);
                return new AliasDecision(ownId, variant, MatchKind.Canonical, 1, ReviewState.Pending, candidate, $"kept as {ownId}; may be the same as {candidate}: {match.Explanation}");
            }

            return new AliasDecision(null, match.Variant ?? variant, MatchKind.Candidate, match.Confidence, ReviewState.Pending, candidate, match.Explanation);
        }

        if (mayCreate)
        {
            var id = CanonicalIds.For(externalId, hints.Lab, hints.Organisation);
            return _models.Contains(id)
                ? AliasDecision.Linked(id, variant, MatchKind.Exact, $"same canonical id as the existing model {id}")
                : AliasDecision.Linked(Create(id), variant, MatchKind.Canonical, $"new canonical model {id} created by {_context.Source}: nothing matched ({match.Explanation})");
        }

        return new AliasDecision(null, null, MatchKind.Unmatched, 0, ReviewState.Automatic, null, match.Explanation);
    }

    private bool EnsureModel(string id, bool mayCreate)
    {
        if (_models.Contains(id))
        {
            return true;
        }

        if (!mayCreate || !id.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        Create(id);
        return true;
    }

    private string Create(string id)
    {
        _context.Db.Models.Add(new CatalogModel
        {
            Id = id,
            Lab = CanonicalIds.LabOf(id),
            CreatedBySource = _context.Source,
            CreatedAt = _context.Now,
            UpdatedAt = _context.Now,
        });
        _models.Add(id);
        Created.Add(id);
        return id;
    }

    private RowChange Add(string externalId, AliasDecision decision, MatchHints hints)
    {
        var alias = new ModelAlias { Source = _context.Source, ExternalId = externalId, FirstSeenAt = _context.Now };
        decision.ApplyTo(alias);
        _context.Db.Aliases.Add(alias);
        _aliases[externalId] = alias;
        Learn(alias, hints);
        return RowChange.Added;
    }

    private RowChange Update(ModelAlias alias, AliasDecision decision, MatchHints hints)
    {
        // A queued question keeps its first proposal while it is still only a candidate: a better-looking candidate
        // found later (a model added after this id, in the same or a later batch) must not make a re-import a change.
        var stillQueued = alias.Review is ReviewState.Pending && decision.Review is ReviewState.Pending && alias.CandidateModelId is { } kept && _models.Contains(kept);
        if (stillQueued || decision.Matches(alias))
        {
            return RowChange.Unchanged;
        }

        _context.Track(alias);
        decision.ApplyTo(alias);
        Learn(alias, hints);
        return RowChange.Changed;
    }

    private void Learn(ModelAlias alias, MatchHints hints)
    {
        if (alias.ModelId is not null && _matcher is ILearningModelMatcher learner)
        {
            learner.Learn(alias.ModelId, alias.Source, alias.ExternalId, alias.Variant, hints);
        }
    }

    private sealed record AliasDecision(string? ModelId, string? Variant, MatchKind Kind, double Confidence, ReviewState Review, string? Candidate, string Explanation)
    {
        public static AliasDecision Linked(string modelId, string? variant, MatchKind kind, string explanation) =>
            new(modelId, variant, kind, 1, ReviewState.Automatic, null, explanation);

        public bool Matches(ModelAlias a) =>
            a.ModelId == ModelId && a.Variant == Variant && a.Kind == Kind && a.Review == Review && a.CandidateModelId == Candidate &&
            a.Explanation == Explanation && Math.Abs(a.Confidence - Confidence) < 1e-9;

        public void ApplyTo(ModelAlias a)
        {
            a.ModelId = ModelId;
            a.Variant = Variant;
            a.Kind = Kind;
            a.Confidence = Confidence;
            a.Review = Review;
            a.CandidateModelId = Candidate;
            a.Explanation = Explanation;
        }
    }
}

/// <summary>An id the matcher was asked about in this batch, with what it was asked and how the alias row changed.</summary>
internal sealed record OpenQuestion(string? CanonicalId, string? Variant, MatchHints Hints, bool MayCreate, RowChange FirstAnswer);
