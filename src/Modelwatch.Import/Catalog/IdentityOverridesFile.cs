using Modelwatch.Core.Catalog;
using Modelwatch.Core.Catalog.Identity;
using Tomlyn.Syntax;
using TomlSyntaxParser = Tomlyn.Parsing.SyntaxParser;

namespace Modelwatch.Import.Catalog;

/// <summary>
/// Reads the hand-kept identity overrides (<c>catalog/identity-overrides.toml</c>): <c>[[link]]</c> entries tie a
/// source's id to a canonical model (and variant), <c>[[never]]</c> entries forbid a link. The repository's file is
/// embedded in this assembly, so installed tools have it; <see cref="Load"/> reads another one. Any mistake stops the
/// read with a message naming the file, the line and the field: a silently skipped override is a wrong merge waiting.
/// </summary>
public static class IdentityOverridesFile
{
    /// <summary>The repository path of the file the tools embed.</summary>
    public const string RepositoryPath = "catalog/identity-overrides.toml";

    private const string ResourceName = "Modelwatch.Import.Catalog.identity-overrides.toml";

    private static readonly string[] LinkFields = ["source", "id", "model", "variant", "note"];
    private static readonly string[] NeverFields = ["source", "id", "model", "note"];

    /// <summary>The overrides the tools ship with (the repository's file at build time).</summary>
    public static IReadOnlyList<IdentityOverride> LoadEmbedded()
    {
        using var stream = typeof(IdentityOverridesFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded {RepositoryPath} is missing from {typeof(IdentityOverridesFile).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), RepositoryPath);
    }

    /// <summary>Reads an overrides file from disk.</summary>
    /// <exception cref="IdentityOverridesException">The file is missing, is not TOML, or has a bad entry.</exception>
    public static IReadOnlyList<IdentityOverride> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IdentityOverridesException(path, null, null, $"cannot be read ({e.Message}).", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses overrides from text; <paramref name="fileName"/> is only for messages and <see cref="IdentityOverride.Origin"/>.</summary>
    /// <exception cref="IdentityOverridesException">The text is not TOML, or an entry is bad.</exception>
    public static IReadOnlyList<IdentityOverride> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var document = TomlSyntaxParser.Parse(text, fileName, validate: true);
        if (document.HasErrors)
        {
            var first = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw new IdentityOverridesException(fileName, first.Span.Start.Line + 1, null, $"is not valid TOML: {first.Message}");
        }

        foreach (var stray in document.KeyValues)
        {
            throw new IdentityOverridesException(fileName, LineOf(stray), KeyOf(stray),
                "is outside any entry; expected every setting inside a [[link]] or [[never]] entry.");
        }

        var overrides = new List<IdentityOverride>();
        foreach (var table in document.Tables)
        {
            var name = table.Name?.ToString().Trim() ?? "";
            var kind = (table, name) switch
            {
                (TableArraySyntax, "link") => OverrideKind.Link,
                (TableArraySyntax, "never") => OverrideKind.Never,
                _ => throw new IdentityOverridesException(fileName, LineOf(table), null,
                    $"has a table [{name}]; expected only [[link]] and [[never]] entries."),
            };
            overrides.Add(ReadEntry(fileName, table, kind));
        }

        CheckDuplicates(fileName, overrides);
        return overrides;
    }

    private static IdentityOverride ReadEntry(string fileName, TableSyntaxBase table, OverrideKind kind)
    {
        var allowed = kind == OverrideKind.Link ? LinkFields : NeverFields;
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        foreach (var item in table.Items)
        {
            var key = KeyOf(item);
            var line = LineOf(item);
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw new IdentityOverridesException(fileName, line, key,
                    $"is not a field of a [[{Name(kind)}]] entry; expected {string.Join(", ", allowed)}.");
            }

            if (item.Value is not StringValueSyntax { Value: { } value })
            {
                throw new IdentityOverridesException(fileName, line, key, $"is {item.Value?.ToString().Trim()}; expected a string.");
            }

            if (!values.TryAdd(key, (value.Trim(), line)))
            {
                throw new IdentityOverridesException(fileName, line, key, "is given twice in one entry.");
            }
        }

        var entryLine = LineOf(table);
        string Required(string field)
        {
            if (!values.TryGetValue(field, out var found))
            {
                throw new IdentityOverridesException(fileName, entryLine, field, $"is missing; a [[{Name(kind)}]] entry needs source, id and model.");
            }

            if (found.Value.Length == 0)
            {
                throw new IdentityOverridesException(fileName, found.Line, field, "is empty.");
            }

            return found.Value;
        }

        var source = Required("source");
        if (source != "*" && !CatalogSources.All.Contains(source, StringComparer.Ordinal))
        {
            throw new IdentityOverridesException(fileName, values["source"].Line, "source",
                $"is '{source}'; expected \"*\" or one of {string.Join(", ", CatalogSources.All)}.");
        }

        var id = Required("id");
        var model = Required("model");
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == model.Length - 1 || model.IndexOf('/', slash + 1) >= 0 || model.Any(char.IsWhiteSpace))
        {
            throw new IdentityOverridesException(fileName, values["model"].Line, "model", $"is '{model}'; expected a canonical id <lab>/<model>.");
        }

        string? variant = null;
        if (values.TryGetValue("variant", out var v))
        {
            variant = v.Value.Length > 0 ? v.Value : throw new IdentityOverridesException(fileName, v.Line, "variant", "is empty; leave it out for the model itself.");
        }

        return new IdentityOverride(kind, source, id, model) { Variant = variant, Origin = $"{fileName}:{entryLine}" };
    }

    /// <summary>Two links for one id, or a link and a veto of the same pair, cannot both be meant.</summary>
    private static void CheckDuplicates(string fileName, List<IdentityOverride> overrides)
    {
        var links = new Dictionary<string, IdentityOverride>(StringComparer.OrdinalIgnoreCase);
        foreach (var link in overrides.Where(o => o.Kind == OverrideKind.Link))
        {
            if (!links.TryAdd($"{link.Source}\n{link.ExternalId}", link))
            {
                var first = links[$"{link.Source}\n{link.ExternalId}"];
                throw new IdentityOverridesException(fileName, LineNumber(link), "id",
                    $"links {link.Source} '{link.ExternalId}' a second time (first at line {LineNumber(first)}).");
            }
        }

        foreach (var never in overrides.Where(o => o.Kind == OverrideKind.Never))
        {
            if (links.TryGetValue($"{never.Source}\n{never.ExternalId}", out var link) && string.Equals(link.ModelId, never.ModelId, StringComparison.OrdinalIgnoreCase))
            {
                throw new IdentityOverridesException(fileName, LineNumber(never), "model",
                    $"forbids the link that line {LineNumber(link)} makes ({never.Source} '{never.ExternalId}' → {never.ModelId}).");
            }
        }
    }

    private static int LineNumber(IdentityOverride entry) =>
        int.Parse(entry.Origin![(entry.Origin!.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static string Name(OverrideKind kind) => kind == OverrideKind.Link ? "link" : "never";

    private static string KeyOf(KeyValueSyntax item) => item.Key?.ToString().Trim().Trim('"') ?? "";

    private static int LineOf(SyntaxNode node) => node.Span.Start.Line + 1;
}

/// <summary>A bad overrides file: the message names the file, the line and the field.</summary>
public sealed class IdentityOverridesException : Exception
{
    public IdentityOverridesException(string fileName, int? line, string? field, string problem, Exception? innerException = null)
        : base($"{fileName}{(line is null ? "" : $":{line}")}: {(field is null ? "" : $"field '{field}' ")}{problem}", innerException)
    {
        FileName = fileName;
        Line = line;
        Field = field;
    }

    public IdentityOverridesException()
        : this("(overrides)", null, null, "is not a valid overrides file.")
    {
    }

    public IdentityOverridesException(string message)
        : base(message)
    {
        FileName = "(overrides)";
    }

    public IdentityOverridesException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = "(overrides)";
    }

    /// <summary>The file as the caller named it.</summary>
    public string FileName { get; }

    /// <summary>1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>The field, when the problem is one field.</summary>
    public string? Field { get; }
}
