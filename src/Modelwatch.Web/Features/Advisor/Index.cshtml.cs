using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Core.Advisor;
using Modelwatch.Core.Advisor.Parsing;
using Modelwatch.Data.Advisor;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Advisor;

/// <summary>
/// The advisor page: a plain GET form with the keys of <see cref="AdvisorQueryKeys"/> (so the address is the question,
/// and the same query works on <c>/api/advisor</c>), and the answer below it. Without a query only the form is shown.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(AdvisorService advisor) : PageModel
{
    /// <summary>What the form offers: languages with a board, vote datasets, modalities the catalog knows.</summary>
    public AdvisorChoices Choices { get; private set; } = new([], [], []);

    /// <summary>The question read from the query (the defaults when none was asked or it could not be read).</summary>
    public AdvisorRequest Question { get; private set; } = new();

    /// <summary>The answer; null before a question or when it could not be read.</summary>
    public AdvisorResult? Result { get; private set; }

    /// <summary>The field that could not be read, and why.</summary>
    public AdvisorQueryException? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await advisor.ChoicesAsync(ct);
        if (Request.Query.Count == 0)
        {
            return;
        }

        try
        {
            Question = AdvisorFields.Parse(Request.Query);
        }
        catch (AdvisorQueryException error)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            Result = await advisor.AdviseAsync(Question, ct);
        }
        catch (AdvisorRequestException error)
        {
            // Readable, but not served by the data (a dataset that is not stored): shown like a field error.
            Error = new AdvisorQueryException(error.Field, error.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>What the form shows in a field: what was typed (also when wrong), else the default question's value.</summary>
    public string Value(string key)
    {
        if (Request.Query.TryGetValue(key, out var typed))
        {
            return string.Join(',', typed.Where(v => !string.IsNullOrWhiteSpace(v)));
        }

        return Request.Query.Count == 0 ? Default(key) : "";
    }

    /// <summary>Whether a yes/no field is ticked.</summary>
    public bool Ticked(string key) => Value(key).Trim().ToLowerInvariant() is "true" or "yes" or "on" or "1";

    /// <summary>Whether a modality is among the ones asked for in <paramref name="key"/> (input or output).</summary>
    public bool Has(string key, string modality) =>
        Value(key).Split(',', StringSplitOptions.TrimEntries).Contains(modality, StringComparer.OrdinalIgnoreCase);

    /// <summary>The default question's weights and picks, so the form starts where the advisor does.</summary>
    private static string Default(string key)
    {
        var defaults = new AdvisorRequest();
        return key switch
        {
            AdvisorQueryKeys.WeightQuality => AdvisorValues.Number(defaults.Weights.Quality),
            AdvisorQueryKeys.WeightPrice => AdvisorValues.Number(defaults.Weights.Price),
            AdvisorQueryKeys.WeightSpeed => AdvisorValues.Number(defaults.Weights.Speed),
            AdvisorQueryKeys.Picks => defaults.Picks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "",
        };
    }
}
