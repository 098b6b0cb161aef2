using Modelwatch.Import.Catalog;

namespace Modelwatch.Cli;

/// <summary>Where a command writes, and the clock it reads; tests pass string writers and a fake clock.</summary>
/// <param name="Out">Results (tables, CSV, JSON): nothing else, so output can be piped.</param>
/// <param name="Error">Progress, summaries and errors.</param>
/// <param name="Time">For elapsed times in progress lines.</param>
/// <param name="ErrorIsRedirected">When true progress is printed as occasional lines instead of one updating line.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Time, bool ErrorIsRedirected = true)
{
    /// <summary>The importers <c>catalog import</c> chooses from by source name; tests register their own.</summary>
    public CatalogImporters Importers { get; init; } = CatalogImporters.Default;
}
