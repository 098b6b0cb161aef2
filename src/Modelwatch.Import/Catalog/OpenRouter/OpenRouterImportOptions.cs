namespace Modelwatch.Import.Catalog.OpenRouter;

/// <summary>Settings for <see cref="OpenRouterImporter"/>.</summary>
public sealed record OpenRouterImportOptions
{
    /// <summary>
    /// The day the response was fetched: the as-of date of its benchmark figures. When null, a date in the file
    /// name (<c>models.2026-08-01.json</c>) is used, and failing that today (a live download is today's answer).
    /// </summary>
    public DateOnly? RetrievedOn { get; init; }
}
