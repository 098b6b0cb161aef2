using System.Globalization;
using Modelwatch.Testing;

namespace Modelwatch.Core.Tests.Ratings;

/// <summary>Reads the small reference CSVs (goldens, published tables) of the shared folder.</summary>
internal static class ReferenceTables
{
    /// <summary>evalica golden rows <c>algorithm,item,score</c> for one algorithm, by item.</summary>
    public static Dictionary<string, double> Golden(string sharedRelativePath, string algorithm)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var fields in Rows(sharedRelativePath, "algorithm", "item", "score"))
        {
            if (fields[0] == algorithm)
            {
                result.Add(fields[1], double.Parse(fields[2], CultureInfo.InvariantCulture));
            }
        }

        Assert.NotEmpty(result);
        return result;
    }

    /// <summary>Rows of a headed CSV, as the values of the named columns in the order asked.</summary>
    public static IEnumerable<string[]> Rows(string sharedRelativePath, params string[] columns)
    {
        var path = SharedData.File(sharedRelativePath);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var indices = columns.Select(c => Array.IndexOf(header, c)).ToArray();
        Assert.DoesNotContain(-1, indices);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var fields = l.Split(',');
            return indices.Select(i => fields[i]).ToArray();
        }).ToList();
    }
}
