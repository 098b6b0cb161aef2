using System.IO.Compression;
using Modelwatch.Core.Ratings;
using Modelwatch.Core.Votes;
using Modelwatch.Testing;

namespace Modelwatch.Core.Tests;

/// <summary>
/// Test-only vote loaders for the shared CSV files until Modelwatch.Import's reader is merged: optional gzip, a
/// header row, plain comma separation (these files have no quoted fields). Swap for the real reader later.
/// </summary>
internal static class TestVotes
{
    public const string Arena140kFile = "data/arena/arena-human-preference-140k/battles.csv.gz";

    /// <summary>Loads a shared file (skipping the test when absent) with the given column names.</summary>
    public static VoteTable Load(string sharedRelativePath, string modelA = "model_a", string modelB = "model_b", string winner = "winner")
    {
        var path = SharedData.File(sharedRelativePath);
        using var stream = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(input);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty file")).Split(',');
        var a = Column(header, modelA, path);
        var b = Column(header, modelB, path);
        var w = Column(header, winner, path);
        var builder = new VoteTableBuilder();
        long lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{path} line {lineNumber}: {fields.Length} fields, expected {header.Length}.");
            }

            if (!WinnerSpelling.TryParse(fields[w], out var outcome))
            {
                throw new InvalidDataException($"{path} line {lineNumber}, field '{winner}': '{fields[w]}' is not one of {string.Join(", ", WinnerSpelling.Accepted)}.");
            }

            var row = new VoteRow
            {
                ModelA = builder.Models.GetOrAdd(fields[a]),
                ModelB = builder.Models.GetOrAdd(fields[b]),
                Winner = outcome,
                SourceLine = lineNumber,
            };
            builder.Add(row);
        }

        return builder.Build();
    }

    /// <summary>Indices of all votes except self-votes (the only cleaning the reference tables apply).</summary>
    public static int[] WithoutSelfVotes(VoteTable votes)
    {
        var selected = new List<int>(votes.Count);
        for (var i = 0; i < votes.Count; i++)
        {
            if (votes.ModelA[i] != votes.ModelB[i])
            {
                selected.Add(i);
            }
        }

        return [.. selected];
    }

    public static PairwiseCounts Counts(VoteTable votes) => PairwiseCounts.FromVotes(votes, WithoutSelfVotes(votes));

    private static int Column(string[] header, string name, string path)
    {
        var index = Array.IndexOf(header, name);
        return index >= 0 ? index : throw new InvalidDataException($"{path}: no column '{name}' in the header ({string.Join(",", header)}).");
    }

    private static readonly string[] NotTags = ["hard_score", "if_score"];
    private static readonly Lazy<VoteTable> Arena140kTable = new(() => LoadCsvGz(SharedData.File(Arena140kFile)));

    /// <summary>The 135,634 votes of the shared 140k file; skips the calling test when the shared data is absent.</summary>
    public static VoteTable Arena140k()
    {
        _ = SharedData.File(Arena140kFile);
        return Arena140kTable.Value;
    }

    public static VoteTable LoadCsvGz(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty file")).Split(',');
        var modelA = Array.IndexOf(header, "model_a");
        var modelB = Array.IndexOf(header, "model_b");
        var winner = Array.IndexOf(header, "winner");
        if (modelA < 0 || modelB < 0 || winner < 0)
        {
            throw new InvalidDataException($"{path}: header lacks model_a, model_b or winner");
        }

        var builder = new VoteTableBuilder(150_000);
        var tagColumns = new List<(int Column, int Bit)>();
        for (var c = winner + 1; c < header.Length; c++)
        {
            if (!NotTags.Contains(header[c]))
            {
                tagColumns.Add((c, builder.GetOrAddTag(header[c])));
            }
        }

        long line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split(',');
            if (!WinnerSpelling.TryParse(fields[winner], out var won))
            {
                throw new InvalidDataException($"{path}:{line}: winner '{fields[winner]}' is not a known spelling");
            }

            ulong tags = 0;
            foreach (var (column, bit) in tagColumns)
            {
                tags |= fields[column] switch
                {
                    "1" => 1UL << bit,
                    "0" or "" => 0,
                    _ => throw new InvalidDataException($"{path}:{line}: column {header[column]} is '{fields[column]}', expected 0 or 1"),
                };
            }

            var row = new VoteRow
            {
                ModelA = builder.Models.GetOrAdd(fields[modelA]),
                ModelB = builder.Models.GetOrAdd(fields[modelB]),
                Winner = won,
                Tags = tags,
                SourceLine = line,
            };
            builder.Add(row);
        }

        return builder.Build();
    }
}
