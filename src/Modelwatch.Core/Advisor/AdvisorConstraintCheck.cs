using System.Globalization;

namespace Modelwatch.Core.Advisor;

/// <summary>
/// The hard constraints, checked one model at a time. Every constraint a model fails is listed (not only the first),
/// and "the catalog does not know" fails too: a stated constraint is one the user cannot afford to get wrong.
/// </summary>
public static class AdvisorConstraintCheck
{
    /// <summary>Constraint names as <see cref="ConstraintViolation.Constraint"/> carries them (the request's own keys).</summary>
    public const string SelfHost = "self-host";

    public const string Commercial = "commercial";

    public const string Context = "context";

    public const string InputModality = "input-modality";

    public const string OutputModality = "output-modality";

    public const string ToolCalling = "tool-calling";

    public const string Price = "price";

    public const string MonthlyBudget = "monthly-budget";

    public const string Latency = "latency";

    /// <summary>No usable rating on the board the advisor ranks by.</summary>
    public const string Quality = "quality";

    /// <summary>Every constraint <paramref name="candidate"/> fails; empty when it is eligible.</summary>
    /// <param name="candidate">The model with its facts and evidence.</param>
    /// <param name="constraints">The merged constraints (user's and the use case's).</param>
    /// <param name="category">The board category, named when the model has no rating on it.</param>
    public static IReadOnlyList<ConstraintViolation> Violations(AdvisorCandidate candidate, AdvisorConstraints constraints, string category)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(constraints);
        var found = new List<ConstraintViolation>();
        var terms = LicenceTerms.Of(candidate.Licence, candidate.LicenceId);
        if (constraints.SelfHost && terms.SelfHost != true)
        {
            found.Add(new(SelfHost, terms.Why));
        }

        if (constraints.Commercial && terms.Commercial != true)
        {
            found.Add(new(Commercial, terms.Why));
        }

        if (constraints.MinContext is { } minContext)
        {
            if (candidate.ContextWindow is not { } context)
            {
                found.Add(new(Context, "context window unknown"));
            }
            else if (context < minContext)
            {
                found.Add(new(Context, Invariant($"context {context:N0} < {minContext:N0}")));
            }
        }

        Modalities(constraints.InputModalities, candidate.InputModalities, InputModality, "input", found);
        Modalities(constraints.OutputModalities, candidate.OutputModalities, OutputModality, "output", found);
        if (constraints.ToolCalling && candidate.ToolCalling != true)
        {
            found.Add(new(ToolCalling, candidate.ToolCalling is null ? "tool calling unknown" : "no tool calling"));
        }

        var blended = AdvisorPricing.Blended(candidate.InputPerMillion, candidate.OutputPerMillion);
        if (constraints.MaxPricePerMillion is { } maxPrice)
        {
            if (blended is not { } price)
            {
                found.Add(new(Price, "price unknown"));
            }
            else if (price > maxPrice)
            {
                found.Add(new(Price, Invariant($"blended ${price:0.####} per million > ${maxPrice:0.####}")));
            }
        }

        if (constraints.Monthly is { } budget)
        {
            if (AdvisorPricing.Monthly(candidate.InputPerMillion, candidate.OutputPerMillion, budget) is not { } cost)
            {
                found.Add(new(MonthlyBudget, "price unknown"));
            }
            else if (cost > budget.MaxUsd)
            {
                found.Add(new(MonthlyBudget, Invariant($"${cost:0.##} a month > ${budget.MaxUsd:0.##}")));
            }
        }

        if (constraints.MaxLatencySeconds is { } maxLatency)
        {
            if (candidate.Speed?.MedianTimeToFirstTokenSeconds is not { } latency || !double.IsFinite(latency))
            {
                found.Add(new(Latency, "time to first token not measured by this instance"));
            }
            else if (latency > maxLatency)
            {
                found.Add(new(Latency, Invariant($"median time to first token {latency:0.##} s > {maxLatency:0.##} s")));
            }
        }

        if (!HasRating(candidate))
        {
            found.Add(new(Quality, $"no rating on the '{category}' board"));
        }

        return found;
    }

    /// <summary>A rating the advisor can rank by: present and a finite number.</summary>
    public static bool HasRating(AdvisorCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Quality is { } q && double.IsFinite(q.Rating);
    }

    private static void Modalities(IReadOnlyList<string> required, IReadOnlyList<string> has, string constraint, string direction, List<ConstraintViolation> found)
    {
        foreach (var modality in required)
        {
            var wanted = modality.Trim().ToLowerInvariant();
            if (wanted.Length == 0 || wanted == "text")
            {
                // Text in and out is what a language model is; a catalog that lists no modalities still says nothing against it.
                continue;
            }

            if (has.Count == 0)
            {
                found.Add(new(constraint, $"{direction} modalities unknown"));
            }
            else if (!has.Contains(wanted, StringComparer.OrdinalIgnoreCase))
            {
                found.Add(new(constraint, $"no {wanted} {direction} (has {string.Join(", ", has)})"));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
