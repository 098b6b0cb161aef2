using System.Globalization;
using Modelwatch.Core.Arena;
using Modelwatch.Data.Arena;

namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>
/// A provider as an administrator enters it (API body or page form). Numbers and the kind are taken as text-like
/// values and checked here, so a bad value is a 400 naming the field rather than a binding failure.
/// </summary>
public sealed class ProviderInput
{
    public string? Name { get; set; }

    /// <summary><c>OpenAiCompatible</c> (also <c>openai</c>) or <c>Anthropic</c>.</summary>
    public string? Kind { get; set; }

    public string? BaseUrl { get; set; }

    /// <summary>A new key; empty or null keeps the stored one (see <see cref="ClearKey"/>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Removes the stored key.</summary>
    public bool ClearKey { get; set; }

    public string? ApiKeyVariable { get; set; }

    public IList<string>? Models { get; set; }

    public int? MaxConcurrency { get; set; }

    public int? FirstTokenTimeoutSeconds { get; set; }

    public int? TotalTimeoutSeconds { get; set; }

    public int? MaxRetries { get; set; }

    public bool? Enabled { get; set; }

    /// <summary>The kind, when the text names one.</summary>
    public static ProviderKind? ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "openaicompatible" or "openai-compatible" or "openai" => ProviderKind.OpenAiCompatible,
        "anthropic" => ProviderKind.Anthropic,
        _ => null,
    };

    /// <summary>Field → problems; empty when the input can be stored.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["name"] = ["The name is empty; give the provider a short unique name, e.g. 'openrouter'."];
        }
        else if (name.Length > ArenaProviderRow.MaxNameLength || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            errors["name"] = [string.Create(CultureInfo.InvariantCulture,
                $"The name must be at most {ArenaProviderRow.MaxNameLength} characters, without '/' or control characters.")];
        }

        if (ParseKind(Kind) is null)
        {
            errors["kind"] = [$"Unknown kind '{Kind}'; expected 'OpenAiCompatible' or 'Anthropic'."];
        }

        if (!Uri.TryCreate(BaseUrl?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || BaseUrl!.Trim().Length > 500)
        {
            errors["baseUrl"] = [$"'{BaseUrl}' is not an http(s) URL; expected e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1."];
        }

        Check(errors, "maxConcurrency", MaxConcurrency, 1, 1000);
        Check(errors, "firstTokenTimeoutSeconds", FirstTokenTimeoutSeconds, 1, 3600);
        Check(errors, "totalTimeoutSeconds", TotalTimeoutSeconds, 1, 86_400);
        Check(errors, "maxRetries", MaxRetries, 0, 10);
        if (Models?.Any(m => string.IsNullOrWhiteSpace(m) || m.Trim().Length > 200) == true)
        {
            errors["models"] = ["Model ids must be non-empty and at most 200 characters."];
        }

        if (ApiKeyVariable is { Length: > 200 })
        {
            errors["apiKeyVariable"] = ["The variable name must be at most 200 characters."];
        }

        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"{field} is {v}; expected a whole number from {min} to {max}.")];
        }
    }

    /// <summary>Copies the input onto a row (the key is handled by the caller).</summary>
    public void ApplyTo(ArenaProviderRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Name = Name!.Trim();
        row.Kind = ParseKind(Kind)!.Value;
        row.BaseUrl = BaseUrl!.Trim();
        row.ApiKeyVariable = string.IsNullOrWhiteSpace(ApiKeyVariable) ? null : ApiKeyVariable.Trim();
        row.Models = [.. (Models ?? []).Select(m => m.Trim()).Distinct(StringComparer.Ordinal)];
        row.MaxConcurrency = MaxConcurrency ?? row.MaxConcurrency;
        row.FirstTokenTimeoutSeconds = FirstTokenTimeoutSeconds ?? row.FirstTokenTimeoutSeconds;
        row.TotalTimeoutSeconds = TotalTimeoutSeconds ?? row.TotalTimeoutSeconds;
        row.MaxRetries = MaxRetries ?? row.MaxRetries;
        row.Enabled = Enabled ?? row.Enabled;
    }
}
