using System.IO.Compression;
using Modelwatch.Core.Votes;
using Modelwatch.Testing;

namespace Modelwatch.Core.Tests;

/// <summary>
/// A deliberately tiny test-only reader for the shared 140k arena file (gzip CSV, no quoted fields): columns by
/// header name, every 0/1 column after <c>winner</c> except <c>hard_score</c> / <c>if_score</c> becomes a tag.
/// To be replaced by the real reader once it lands; nothing here is meant for production input.
/// </summary>
internal static class TestVotes
{
    public const string Arena140kFile = "data/arena/arena-human-preference-140k/battles.csv.gz";

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
