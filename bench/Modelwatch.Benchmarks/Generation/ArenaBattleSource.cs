using System.IO.Compression;
using Modelwatch.Core.Votes;
using Modelwatch.Import.Catalog.Common;

namespace Modelwatch.Benchmarks.Generation;

/// <summary>
/// The <c>model_a, model_b, winner</c> columns of a real battle file (the 140k arena CSV, gzipped or not),
/// held in memory as the pool that benchmark files are resampled from. A deliberately small local parser: it is
/// a tool for a benchmark input and must not depend on the production readers it is used to time.
/// </summary>
internal sealed class ArenaBattleSource
{
    private ArenaBattleSource(IReadOnlyList<string> models, int[] modelA, int[] modelB, Winner[] winners)
    {
        Models = models;
        ModelA = modelA;
        ModelB = modelB;
        Winners = winners;
    }

    /// <summary>Model names in order of first appearance.</summary>
    public IReadOnlyList<string> Models { get; }

    public int[] ModelA { get; }

    public int[] ModelB { get; }

    public Winner[] Winners { get; }

    public int Count => ModelA.Length;

    /// <exception cref="InvalidDataException">A required column is missing, or a line has too few fields or an unknown winner.</exception>
    public static ArenaBattleSource Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream data = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        using var reader = new StreamReader(data);

        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path}: the file is empty; expected a header with model_a, model_b, winner.");
        var columns = CsvLine.Split(header);
        var columnA = RequireColumn(columns, "model_a", path);
        var columnB = RequireColumn(columns, "model_b", path);
        var columnWinner = RequireColumn(columns, "winner", path);
        var needed = Math.Max(columnA, Math.Max(columnB, columnWinner)) + 1;

        var models = new NameTable();
        var modelA = new List<int>();
        var modelB = new List<int>();
        var winners = new List<Winner>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = CsvLine.Split(line);
            if (fields.Count < needed)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: expected at least {needed} fields, found {fields.Count}.");
            }

            if (!WinnerSpelling.TryParse(fields[columnWinner], out var winner))
            {
                throw new InvalidDataException(
                    $"{path}, line {lineNumber}, field winner: '{fields[columnWinner]}' is not one of {string.Join(", ", WinnerSpelling.Accepted)}.");
            }

            modelA.Add(models.GetOrAdd(fields[columnA]));
            modelB.Add(models.GetOrAdd(fields[columnB]));
            winners.Add(winner);
        }

        if (winners.Count == 0)
        {
            throw new InvalidDataException($"{path}: no votes after the header.");
        }

        return new ArenaBattleSource(models.Names, [.. modelA], [.. modelB], [.. winners]);
    }

    private static int RequireColumn(List<string> columns, string name, string path)
    {
        var index = columns.IndexOf(name);
        return index >= 0
            ? index
            : throw new InvalidDataException($"{path}, line 1: no '{name}' column; the header has {string.Join(", ", columns)}.");
    }
}
