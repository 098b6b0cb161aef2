using System.Text.Json;
using Tomlyn.Model;

namespace Modelwatch.Import.Catalog.ModelsDev;

/// <summary>
/// Converts <c>api.json</c> objects to the <see cref="TomlTable"/> shape the TOML files parse to, so one set of
/// field readers serves both: whole numbers become <see cref="long"/>, other numbers <see cref="double"/>, and
/// <c>null</c> members are left out (absent, as in TOML).
/// </summary>
internal static class JsonTables
{
    public static TomlTable ToTable(JsonElement obj)
    {
        var table = new TomlTable();
        foreach (var property in obj.EnumerateObject())
        {
            if (ToValue(property.Value) is { } value)
            {
                table[property.Name] = value;
            }
        }

        return table;
    }

    private static object? ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => ToTable(value),
        JsonValueKind.Array => ToArray(value),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static TomlArray ToArray(JsonElement array)
    {
        var result = new TomlArray();
        foreach (var item in array.EnumerateArray())
        {
            result.Add(ToValue(item));
        }

        return result;
    }
}
