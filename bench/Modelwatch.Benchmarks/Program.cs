using BenchmarkDotNet.Running;
using Modelwatch.Benchmarks.Generation;

// Two jobs, one program: `generate` makes the large vote files that bench/compare.sh times whole processes on,
// and `bdn` runs the BenchmarkDotNet micro-benchmarks (every public benchmark class in this assembly).
const string usage = $"""
    usage:
      Modelwatch.Benchmarks {GenerateCommand.Usage}
      Modelwatch.Benchmarks bdn [BenchmarkDotNet arguments, e.g. --filter '*Aggregation*']
    """;

switch (args.FirstOrDefault())
{
    case "generate":
        try
        {
            return GenerateCommand.Run(args[1..]);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"generate: {e.Message}");
            return 1;
        }

    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine(usage);
        return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}
