using Modelwatch.Import.Catalog;

namespace Modelwatch.Cli;

/// <summary>Where a command writes, and the clock it reads; tests pass string writers and a fake clock.</summary>
/// <param name="Out">Results (tables, CSV, JSON): nothing else, so output can be piped.</param>
/// <param name="Error">Progress, summaries and errors.</param>
/// <param name="Time">For elapsed times in progress lines.</param>
/// <param name="ErrorIsRedirected">When true progress is printed as occasional lines instead of one updating line.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Time, bool ErrorIsRedirected = true)
{
    /// <summary>
    /// The importers <c>catalog import</c> chooses from by source name, given its <c>--as-of</c> date; tests register
    /// their own. Default: <see cref="CatalogImporters.CreateDefault"/>.
    /// </summary>
    public Func<DateOnly?, CatalogImporters>? Importers { get; init; }

    /// <summary>The importers for an import dated <paramref name="asOf"/>.</summary>
    public CatalogImporters ImportersFor(DateOnly? asOf) => Importers?.Invoke(asOf) ?? CatalogImporters.CreateDefault(Time, asOf);
}
