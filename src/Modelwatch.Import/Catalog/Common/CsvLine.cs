using System.Text;

namespace Modelwatch.Import.Catalog.Common;

/// <summary>Small CSV files read line by line (a leaderboard, a sample, the benchmark generator's source), where the vote reader's byte-level parser is not needed.</summary>
public static class CsvLine
{
    /// <summary>One CSV line into fields (RFC 4180 quoting: <c>"(-1.88, +1.97)"</c> is one field, <c>""</c> a quote; no line breaks inside fields).</summary>
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
