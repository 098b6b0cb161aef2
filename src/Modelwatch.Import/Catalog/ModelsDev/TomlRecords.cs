using System.Globalization;
using Modelwatch.Core.Catalog;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Serialization;

namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>
/// Parses models.dev TOML files into <see cref="FieldTable"/>s, or reports where one is malformed. One instance
/// per import: the serializer options (and the key positions they collect) are built once, which is most of the
/// cost of parsing a file this small.
/// </summary>
internal sealed class TomlRecords
{
    private readonly TomlMetadataStore _metadata = new();
    private readonly TomlSerializerOptions _options;

    public TomlRecords() => _options = new TomlSerializerOptions { MetadataStore = _metadata };

    /// <param name="text">The file's text.</param>
    /// <param name="file">Its path inside the tree, for messages.</param>
    /// <param name="problems">Where a parse error goes (file, line, what the parser expected).</param>
    /// <returns>The root table, or null when the file is not valid TOML.</returns>
    public FieldTable? Parse(string text, string file, List<RecordProblem> problems)
    {
        // The syntax pass validates what the object pass lets through (a key or table defined twice keeps the
        // last value there); both are fast on files this small.
        var syntax = SyntaxParser.Parse(text, file, validate: true);
        if (syntax.HasErrors)
        {
            var first = syntax.Diagnostics.First(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error);
            problems.Add(new RecordProblem(
                $"{file}:{(first.Span.Start.Line + 1).ToString(CultureInfo.InvariantCulture)}",
                $"not valid TOML: {first.Message}; the file was skipped."));
            return null;
        }

        try
        {
            var table = TomlSerializer.Deserialize<TomlTable>(text, _options);
            return new FieldTable(table ?? new TomlTable(), _metadata, file, "", problems);
        }
        catch (TomlException e)
        {
            var line = e.Line is { } l ? ":" + l.ToString(CultureInfo.InvariantCulture) : "";
            problems.Add(new RecordProblem(file + line, $"not valid TOML: {e.Message}; the file was skipped."));
            return null;
        }
    }
}
