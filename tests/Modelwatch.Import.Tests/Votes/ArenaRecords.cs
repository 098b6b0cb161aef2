using System.IO.Compression;
using Modelwatch.Testing;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>
/// The 140k arena votes as plain strings, parsed here with <see cref="string.Split(char, StringSplitOptions)"/>
/// (the file has no quoted fields), independently of the reader under test, so format round trips can be checked
/// against the source file itself rather than against another read.
/// </summary>
internal sealed class ArenaRecords
{
    public const string RelativePath = "data/arena/arena-human-preference-140k/battles.csv.gz";

    /// <summary>The tag columns of the file, in file order.</summary>
    public static readonly string[] TagColumns =
        ["specificity", "domain_knowledge", "complexity", "problem_solving", "creativity", "technical_accuracy", "real_world", "creative_writing", "if", "math"];

    private static readonly Lazy<ArenaRecords> Cached = new(() => new ArenaRecords(SharedData.Root! + "/" + RelativePath));

    private ArenaRecords(string path)
    {
        Path = path;
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        Header = reader.ReadLine()!.Split(',');
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            rows.Add(line.Split(','));
        }

        Rows = rows;
    }

    public string Path { get; }

    public string[] Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>Loads the records, skipping the calling test when the shared data is absent.</summary>
    public static ArenaRecords Load()
    {
        SharedData.File(RelativePath);
        return Cached.Value;
    }

    public int Column(string name) => Array.IndexOf(Header, name);
}
