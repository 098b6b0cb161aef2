using System.Globalization;
using System.Text.Json;
using Modelwatch.Core.Catalog;
using Modelwatch.Data.Catalog.Store;
using Spectre.Console;

namespace Modelwatch.Cli.Output.Catalog;

/// <summary><c>catalog list</c> output: a terminal table, CSV with a fixed header, or a JSON array.</summary>
internal static class ModelListWriter
{
    public const string CsvHeader = "id,name,lab,licence,licence_id,context_window,max_output_tokens,total_parameters,release_date,created_by";

    public static void Write(TextWriter output, string format, IReadOnlyList<ModelSummary> models)
    {
        switch (format)
        {
            case "csv":
                WriteCsv(output, models);
                break;
            case "json":
                WriteJson(output, models);
                break;
            default:
                WriteTable(output, models);
                break;
        }
    }

    private static void WriteCsv(TextWriter output, IReadOnlyList<ModelSummary> models)
    {
        output.WriteLine(CsvHeader);
        foreach (var m in models)
        {
            output.WriteLine(string.Join(
                ',',
                CsvLeaderboard.Field(m.Id),
                CsvLeaderboard.Field(m.DisplayName ?? ""),
                CsvLeaderboard.Field(m.Lab),
                m.Licence.ToString(),
                CsvLeaderboard.Field(m.LicenceId ?? ""),
                Text.Number(m.ContextWindow),
                Text.Number(m.MaxOutputTokens),
                Text.Number(m.TotalParameters),
                ModelFields.Format(m.ReleaseDate) ?? "",
                CsvLeaderboard.Field(m.CreatedBySource)));
        }
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<ModelSummary> models)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var m in models)
            {
                json.WriteStartObject();
                json.WriteString("id", m.Id);
                json.WriteString("name", m.DisplayName);
                json.WriteString("lab", m.Lab);
                json.WriteString("licence", m.Licence.ToString());
                json.WriteString("licenceId", m.LicenceId);
                Text.Number(json, "contextWindow", m.ContextWindow);
                Text.Number(json, "maxOutputTokens", m.MaxOutputTokens);
                Text.Number(json, "totalParameters", m.TotalParameters);
                json.WriteString("releaseDate", ModelFields.Format(m.ReleaseDate));
                json.WriteString("createdBy", m.CreatedBySource);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<ModelSummary> models)
    {
        var console = Text.Console(output);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Id").AddColumn("Name").AddColumn("Licence")
            .AddColumn(new TableColumn("Context").RightAligned()).AddColumn(new TableColumn("Max output").RightAligned())
            .AddColumn(new TableColumn("Parameters").RightAligned()).AddColumn("Released");
        foreach (var m in models)
        {
            var licence = m.LicenceId is null ? m.Licence.ToString() : $"{m.Licence} ({m.LicenceId})";
            table.AddRow(
                Markup.Escape(m.Id), Markup.Escape(m.DisplayName ?? ""), Markup.Escape(licence), Text.Tokens(m.ContextWindow), Text.Tokens(m.MaxOutputTokens),
                Text.Parameters(m.TotalParameters), ModelFields.Format(m.ReleaseDate) ?? "");
        }

        console.Write(table);
    }
}

/// <summary>Invariant number text shared by the catalog writers.</summary>
internal static class Text
{
    public static IAnsiConsole Console(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

        // Piped or captured output has no terminal width; 80 columns would wrap ids mid-word.
        console.Profile.Width = Math.Max(console.Profile.Width, 200);
        return console;
    }

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Tokens(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "";

    /// <summary>70.6B, 8B, 560M.</summary>
    public static string Parameters(long? value) => value switch
    {
        null => "",
        >= 1_000_000_000 => (value.Value / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B",
        _ => (value.Value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
    };

    public static string Price(decimal? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    public static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
