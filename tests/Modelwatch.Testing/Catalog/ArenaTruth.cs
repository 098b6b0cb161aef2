namespace Modelwatch.Testing.Catalog;

/// <summary>One hand-checked row of <c>arena-truth.tsv</c>: an arena key and its true counterparts (empty: none).</summary>
public sealed record ArenaTruthRow(int Line, string ArenaKey, IReadOnlyList<string> ModelsDev, IReadOnlyList<string> LiteLlm, string Why);

/// <summary>The hand-checked list of LMArena keys and their true counterparts, shared by the identity and store tests.</summary>
public static class ArenaTruth
{
    public static IReadOnlyList<ArenaTruthRow> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Catalog", "arena-truth.tsv");
        var rows = new List<ArenaTruthRow>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3)
            {
                throw new InvalidDataException($"arena-truth.tsv:{i + 1}: expected key, models.dev and litellm columns separated by tabs.");
            }

            rows.Add(new ArenaTruthRow(i + 1, fields[0], Alternatives(fields[1]), Alternatives(fields[2]), fields.Length > 3 ? fields[3] : ""));
        }

        return rows;
    }

    private static List<string> Alternatives(string field) =>
        field.Trim() == "-" ? [] : field.Split(" | ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
