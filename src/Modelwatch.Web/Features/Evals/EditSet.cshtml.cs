using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modelwatch.Core.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Import.Evals;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Features.Evals;

/// <summary>
/// The prompt-set forms (members): create a set, import one from a file, write, edit and delete prompts, add prompts
/// from a file. Success goes to the set's page; a refused request shows what was wrong (file, line and field, or the
/// field of the form) and stores nothing.
/// </summary>
[Authorize(Policy = Policies.Member)]
[RequestSizeLimit(MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes)]
public sealed class EditSetModel(EvalStore store) : PageModel
{
    /// <summary>The largest prompt file (tens of thousands of prompts fit in well under this).</summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    public string? Error { get; private set; }

    /// <summary>Where "back" goes: the set, or the list.</summary>
    public string BackTo { get; private set; } = "/evals";

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostCreateAsync(string? name, string? description, CancellationToken ct) =>
        RunAsync(null, async () => (await store.CreateSetAsync(name ?? "", Blank(description), ct)).Id);

    public Task<IActionResult> OnPostImportAsync(string? name, IFormFile? file, CancellationToken ct) =>
        RunAsync(null, async () => (await store.ImportSetAsync(name ?? "", null, await ReadAsync(file, ct), ct)).Id);

    public Task<IActionResult> OnPostImportIntoAsync(int setId, IFormFile? file, CancellationToken ct) =>
        RunAsync(setId, async () => (await store.AddPromptsAsync(setId, await ReadAsync(file, ct), ct)).Id);

    public Task<IActionResult> OnPostAddPromptAsync(int setId, string? key, string? text, string? reference, string? tags, CancellationToken ct) =>
        RunAsync(setId, async () =>
        {
            await store.AddPromptAsync(setId, Blank(key), text ?? "", Blank(reference), Tags(tags), ct);
            return setId;
        });

    public Task<IActionResult> OnPostEditPromptAsync(int setId, long promptId, string? key, string? text, string? reference, string? tags, CancellationToken ct) =>
        RunAsync(setId, async () =>
        {
            await store.EditPromptAsync(promptId, key ?? "", text ?? "", Blank(reference), Tags(tags), ct);
            return setId;
        });

    public Task<IActionResult> OnPostDeletePromptAsync(int setId, long promptId, CancellationToken ct) =>
        RunAsync(setId, async () =>
        {
            await store.DeletePromptAsync(promptId, ct);
            return setId;
        });

    /// <summary>Tags as typed in the form: separated by <c>;</c>, <c>,</c> or <c>|</c>, normalised as the importer does.</summary>
    internal static IReadOnlyList<string> Tags(string? typed) =>
        PromptRecord.NormaliseTags((typed ?? "").Split([';', ',', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<IReadOnlyList<PromptRecord>> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw new EvalStoreException("file", "Choose a CSV or JSON Lines file of prompts.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return PromptSetReader.Read(buffer, Path.GetFileName(file.FileName));
    }

    private async Task<IActionResult> RunAsync(int? setId, Func<Task<int>> change)
    {
        BackTo = setId is { } id ? $"/evals/sets/{id}" : "/evals";
        try
        {
            return Redirect($"/evals/sets/{await change()}");
        }
        catch (Exception error) when (error is EvalStoreException or PromptSetFileException or ArgumentException)
        {
            Error = error is EvalStoreException { Field.Length: > 0 } refused ? $"{refused.Field}: {refused.Message}" : error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
