using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Modelwatch.Core.Arena;
using Modelwatch.Web.Features.Access;
using Modelwatch.Web.Features.Arena.Providers;

namespace Modelwatch.Web.Features.Arena;

/// <summary>
/// Administrators see every arena provider with its health and models, add or change providers stored in the app
/// (the key is encrypted and never shown again), and take contestants in or out of the draw or relink them.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ProvidersModel(
    ProviderStatus status, StoredProviders stored, ArenaContestants contestants, IStringLocalizer<ProvidersText> text) : PageModel
{
    /// <summary>A starting point for the form: a well-known service or local server and its base URL.</summary>
    public sealed record ProviderPreset(string Id, string Label, ProviderKind Kind, string BaseUrl);

    public static readonly IReadOnlyList<ProviderPreset> Presets =
    [
        new("openai", "OpenAI", ProviderKind.OpenAiCompatible, "https://api.openai.com/v1"),
        new("openrouter", "OpenRouter", ProviderKind.OpenAiCompatible, "https://openrouter.ai/api/v1"),
        new("together", "Together", ProviderKind.OpenAiCompatible, "https://api.together.xyz/v1"),
        new("groq", "Groq", ProviderKind.OpenAiCompatible, "https://api.groq.com/openai/v1"),
        new("deepseek", "DeepSeek", ProviderKind.OpenAiCompatible, "https://api.deepseek.com/v1"),
        new("mistral", "Mistral", ProviderKind.OpenAiCompatible, "https://api.mistral.ai/v1"),
        new("vllm", "vLLM", ProviderKind.OpenAiCompatible, "http://127.0.0.1:8000/v1"),
        new("ollama", "Ollama", ProviderKind.OpenAiCompatible, "http://127.0.0.1:11434/v1"),
        new("llamacpp", "llama.cpp server", ProviderKind.OpenAiCompatible, "http://127.0.0.1:8080/v1"),
        new("lmstudio", "LM Studio", ProviderKind.OpenAiCompatible, "http://127.0.0.1:1234/v1"),
        new("anthropic", "Anthropic", ProviderKind.Anthropic, "https://api.anthropic.com"),
    ];

    public IReadOnlyList<ProviderView> Providers { get; private set; } = [];

    public IReadOnlyList<ContestantEntry> Contestants { get; private set; } = [];

    /// <summary>Field → localised problem, shown next to the form.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>The stored provider being edited (null: adding one).</summary>
    [BindProperty]
    public string? OriginalName { get; set; }

    [BindProperty]
    public string? Preset { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string Kind { get; set; } = nameof(ProviderKind.OpenAiCompatible);

    [BindProperty]
    public string? BaseUrl { get; set; }

    [BindProperty]
    public string? ApiKey { get; set; }

    [BindProperty]
    public bool ClearKey { get; set; }

    [BindProperty]
    public string? ApiKeyVariable { get; set; }

    [BindProperty]
    public string? ModelsText { get; set; }

    [BindProperty]
    public int MaxConcurrency { get; set; } = 4;

    [BindProperty]
    public int FirstTokenTimeoutSeconds { get; set; } = 30;

    [BindProperty]
    public int TotalTimeoutSeconds { get; set; } = 180;

    [BindProperty]
    public int MaxRetries { get; set; } = 3;

    [BindProperty]
    public bool Enabled { get; set; } = true;

    /// <summary>Whether the edited provider has a key stored (the form then says so instead of showing it).</summary>
    public bool KeyStored { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? edit)
    {
        if (edit is not null)
        {
            var row = await stored.FindAsync(edit, HttpContext.RequestAborted);
            if (row is null)
            {
                return NotFound();
            }

            OriginalName = row.Name;
            Name = row.Name;
            Kind = row.Kind.ToString();
            BaseUrl = row.BaseUrl;
            ApiKeyVariable = row.ApiKeyVariable;
            ModelsText = string.Join('\n', row.Models);
            MaxConcurrency = row.MaxConcurrency;
            FirstTokenTimeoutSeconds = row.FirstTokenTimeoutSeconds;
            TotalTimeoutSeconds = row.TotalTimeoutSeconds;
            MaxRetries = row.MaxRetries;
            Enabled = row.Enabled;
            KeyStored = row.ProtectedApiKey is not null;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (Presets.FirstOrDefault(p => p.Id == Preset) is { } preset && string.IsNullOrWhiteSpace(BaseUrl))
        {
            BaseUrl = preset.BaseUrl;
            Kind = preset.Kind.ToString();
        }

        var input = new ProviderInput
        {
            Name = Name,
            Kind = Kind,
            BaseUrl = BaseUrl,
            ApiKey = ApiKey,
            ClearKey = ClearKey,
            ApiKeyVariable = ApiKeyVariable,
            Models = [.. (ModelsText ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            MaxConcurrency = MaxConcurrency,
            FirstTokenTimeoutSeconds = FirstTokenTimeoutSeconds,
            TotalTimeoutSeconds = TotalTimeoutSeconds,
            MaxRetries = MaxRetries,
            Enabled = Enabled,
        };
        // The key never goes back into the page, whatever happens next.
        ApiKey = null;
        if (!ModelState.IsValid)
        {
            FieldErrors = ModelState.Where(e => e.Value?.Errors.Count > 0)
                .ToDictionary(e => Camel(e.Key), e => FieldProblem(Camel(e.Key)), StringComparer.Ordinal);
            return await FailedAsync();
        }

        var (row, error) = await stored.SaveAsync(string.IsNullOrEmpty(OriginalName) ? null : OriginalName, input, HttpContext.RequestAborted);
        if (error is not null)
        {
            FieldErrors = error.Errors.ToDictionary(e => e.Key, e => FieldProblem(e.Key), StringComparer.Ordinal);
            return await FailedAsync();
        }

        Message = text["Saved provider {0}.", row!.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(string name, bool enabled)
    {
        if (!await stored.SetEnabledAsync(name, enabled, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Message = enabled ? text["Enabled provider {0}.", name] : text["Disabled provider {0}.", name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string name)
    {
        if (!await stored.DeleteAsync(name, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Message = text["Deleted provider {0}.", name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostContestantAsync(int id, bool enabled, string? catalogModelId)
    {
        var (info, error) = await contestants.UpdateAsync(id, enabled, catalogModelId ?? "", HttpContext.RequestAborted);
        if (error is not null)
        {
            Errors = [text["No catalog model '{0}': give a catalog id (see Models), or nothing to unlink.", catalogModelId ?? ""]];
            return await FailedAsync();
        }

        if (info is null)
        {
            return NotFound();
        }

        Message = text["Saved contestant {0}.", info.BoardName];
        return RedirectToPage();
    }

    /// <summary>A moment as people read it, in UTC; a dash for never.</summary>
    public static string When(DateTimeOffset? moment) =>
        moment?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "\u2014";

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];

    private string FieldProblem(string field) => field switch
    {
        "name" => text["Give a unique name without '/', at most 100 characters, not the name of a provider from configuration."],
        "kind" => text["Choose OpenAI-compatible or Anthropic."],
        "baseUrl" => text["Enter an http(s) URL, e.g. https://api.openai.com/v1."],
        "maxConcurrency" => text["Max concurrency is a whole number from 1 to 1000."],
        "firstTokenTimeoutSeconds" => text["The first-token timeout is a whole number of seconds from 1 to 3600."],
        "totalTimeoutSeconds" => text["The total timeout is a whole number of seconds from 1 to 86400."],
        "maxRetries" => text["Retries are a whole number from 0 to 10."],
        "models" => text["Model ids are non-empty and at most 200 characters."],
        _ => text["Check this field."],
    };

    private async Task<IActionResult> FailedAsync()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        if (!string.IsNullOrEmpty(OriginalName) && await stored.FindAsync(OriginalName, HttpContext.RequestAborted) is { } row)
        {
            KeyStored = row.ProtectedApiKey is not null;
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Providers = await status.ListAsync(HttpContext.RequestAborted);
        Contestants = await contestants.ListAllAsync(HttpContext.RequestAborted);
    }
}
