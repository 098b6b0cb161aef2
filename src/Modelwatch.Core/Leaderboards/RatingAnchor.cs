namespace Modelwatch.Core.Leaderboards;

/// <summary>Shows <paramref name="Model"/> at <paramref name="Rating"/>: a display shift of every rating and bound, nothing more.</summary>
public sealed record RatingAnchor(string Model, double Rating)
{
    /// <summary>Parses <c>MODEL=RATING</c> (the model name may itself contain '=': the last one splits).</summary>
    public static bool TryParse(string text, out RatingAnchor? anchor)
    {
        anchor = null;
        var split = text?.LastIndexOf('=') ?? -1;
        if (split <= 0 || split == text!.Length - 1)
        {
            return false;
        }

        if (!double.TryParse(text.AsSpan(split + 1), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rating) || !double.IsFinite(rating))
        {
            return false;
        }

        anchor = new RatingAnchor(text[..split].Trim(), rating);
        return true;
    }
}
