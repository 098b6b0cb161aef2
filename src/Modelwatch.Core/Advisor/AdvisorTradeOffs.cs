namespace Modelwatch.Core.Advisor;

/// <summary>What a pick gives up against the best eligible model on each axis, and the alternatives beside it.</summary>
internal sealed class AdvisorTradeOffs
{
    private readonly IReadOnlyList<Rated> _eligible;
    private readonly Rated _bestRated;
    private readonly Rated? _cheapest;
    private readonly Rated? _largestContext;
    private readonly Rated? _fastest;
    private readonly bool _speedMatters;

    public AdvisorTradeOffs(IReadOnlyList<Rated> eligible, AdvisorWeights weights)
    {
        _eligible = eligible;
        _bestRated = eligible.OrderByDescending(m => m.Rating).ThenBy(m => m.Id, StringComparer.Ordinal).First();
        _cheapest = eligible.Where(m => m.ComparablePrice is not null).OrderBy(m => m.ComparablePrice).ThenByDescending(m => m.Rating).ThenBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault();
        _largestContext = eligible.Where(m => m.Candidate.ContextWindow is not null).OrderByDescending(m => m.Candidate.ContextWindow).ThenBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault();
        _fastest = eligible.Where(m => m.TokensPerSecond is not null).OrderByDescending(m => m.TokensPerSecond).ThenBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault();
        _speedMatters = weights.Speed > 0;
    }

    public IReadOnlyList<TradeOff> Of(Rated m)
    {
        var found = new List<TradeOff>();

        // Only clearly lower (intervals apart): within the best model's interval the two are tied, not ranked.
        if (m.Id != _bestRated.Id && m.Upper < _bestRated.Lower)
        {
            found.Add(new(TradeOffKind.LowerQuality, _bestRated.Rating - m.Rating, _bestRated.Id));
        }

        if (m.ComparablePrice is not { } price)
        {
            found.Add(new(TradeOffKind.UnknownPrice));
        }
        else if (_cheapest is { ComparablePrice: { } cheapest } && price > cheapest)
        {
            found.Add(new(TradeOffKind.HigherPrice, (double)(price / cheapest), _cheapest.Id));
        }

        if (_largestContext is { Candidate.ContextWindow: { } largest } && m.Candidate.ContextWindow is { } context && context < largest)
        {
            found.Add(new(TradeOffKind.SmallerContext, context, _largestContext.Id));
        }

        if (m.TokensPerSecond is { } speed)
        {
            if (_fastest is { TokensPerSecond: { } fastest } && speed < fastest)
            {
                found.Add(new(TradeOffKind.Slower, speed, _fastest.Id));
            }
        }
        else if (_speedMatters)
        {
            found.Add(new(TradeOffKind.UnknownSpeed));
        }

        if (LicenceTerms.Of(m.Candidate.Licence, m.Candidate.LicenceId).SelfHost != true)
        {
            found.Add(new(TradeOffKind.NotSelfHostable));
        }

        if (m.Candidate.ToolCalling != true)
        {
            found.Add(new(TradeOffKind.NoToolCalling));
        }

        return found;
    }

    /// <summary>The best-rated eligible model with a lower blended price; null when nothing is cheaper or this one has no comparable price.</summary>
    public AdvisorAlternative? Cheaper(Rated m) =>
        m.ComparablePrice is not { } price
            ? null
            : Alternative(_eligible
                .Where(o => o.Id != m.Id && o.ComparablePrice < price)
                .OrderByDescending(o => o.Rating).ThenBy(o => o.Price).ThenBy(o => o.Id, StringComparer.Ordinal)
                .FirstOrDefault());

    /// <summary>The cheapest eligible model rated clearly higher (its lower bound above this one's upper bound); unpriced and $0 ones last.</summary>
    public AdvisorAlternative? MoreCapable(Rated m) =>
        Alternative(_eligible
            .Where(o => o.Lower > m.Upper)
            .OrderBy(o => o.ComparablePrice is null).ThenBy(o => o.ComparablePrice).ThenByDescending(o => o.Rating).ThenBy(o => o.Id, StringComparer.Ordinal)
            .FirstOrDefault());

    private static AdvisorAlternative? Alternative(Rated? m) => m is null ? null : new(m.Id, m.Candidate.Name, m.Rating, m.Price);
}
