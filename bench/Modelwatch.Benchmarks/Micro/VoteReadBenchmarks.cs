using BenchmarkDotNet.Attributes;
using Modelwatch.Benchmarks.Generation;
using Modelwatch.Core.Votes;
using Modelwatch.Import.Votes;

namespace Modelwatch.Benchmarks.Micro;

/// <summary>
/// Reading a vote file into a <see cref="VoteTable"/>: the largest share of a whole `modelwatch rank` run. The file is
/// generated once per run (resampled from the real 140k arena votes over 159 models), as plain CSV and gzip CSV.
/// </summary>
[MemoryDiagnoser]
public class VoteReadBenchmarks
{
    private string _directory = string.Empty;
    private string _csv = string.Empty;
    private string _gzip = string.Empty;

    [Params(1_800_000)]
    public int Votes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("modelwatch-bench-").FullName;
        _csv = Path.Combine(_directory, "votes.csv");
        _gzip = Path.Combine(_directory, "votes.csv.gz");
        var source = ArenaBattleSource.Load(SharedDataLocator.File(SharedDataLocator.ArenaBattles));
        VoteCsvWriter.Write(_csv, new BattleResampler(source, copies: 3, seed: 1), Votes);
        using var input = File.OpenRead(_csv);
        using var output = File.Create(_gzip);
        using var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest);
        input.CopyTo(gzip);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true)]
    public VoteTable Csv() => VoteFileReader.Read(_csv).Votes;

    [Benchmark]
    public VoteTable Gzip_csv() => VoteFileReader.Read(_gzip).Votes;
}
