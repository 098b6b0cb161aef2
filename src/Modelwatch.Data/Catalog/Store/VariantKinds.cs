using System.Text.RegularExpressions;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Data.Catalog.Store;

/// <summary>Guesses what kind of variant a name is, for a variant row the store creates from an alias.</summary>
internal static partial class VariantKinds
{
    private static readonly HashSet<string> Efforts = new(StringComparer.OrdinalIgnoreCase) { "minimal", "low", "medium", "high", "xhigh", "max" };

    public static VariantKind Guess(string name)
    {
        if (DatePattern().IsMatch(name))
        {
            return VariantKind.Snapshot;
        }

        if (Efforts.Contains(name) || name.EndsWith("-effort", StringComparison.OrdinalIgnoreCase))
        {
            return VariantKind.ReasoningEffort;
        }

        if (name.Contains("thinking", StringComparison.OrdinalIgnoreCase) || name.Contains("reasoning", StringComparison.OrdinalIgnoreCase))
        {
            return VariantKind.Thinking;
        }

        return QuantisationPattern().IsMatch(name) ? VariantKind.Quantisation : VariantKind.Other;
    }

    [GeneratedRegex(@"^(\d{4}-?\d{2}(-?\d{2})?|\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(fp\d+|bf16|int\d+|q\d(_\w+)?|awq|gptq|gguf|mlx.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QuantisationPattern();
}
