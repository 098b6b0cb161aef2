using System.Diagnostics;
using System.Globalization;

namespace Modelwatch.Benchmarks.Generation;

/// <summary>
/// <c>generate [--source FILE] --votes N [--copies K] [--seed S] --out FILE.csv</c>: writes a benchmark vote file
/// resampled from the real 140k arena votes (the default source, found in the shared folder).
/// </summary>
internal static class GenerateCommand
{
    public const string Usage =
        "generate [--source BATTLES.csv[.gz]] --votes N [--copies K=3] [--seed S=1] --out FILE.csv";

    public static int Run(IReadOnlyList<string> args)
    {
        string? source = null;
        string? output = null;
        long votes = -1;
        var copies = 3;
        ulong seed = 1;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                return Fail($"option {name} needs a value");
            }

            var value = args[++i];
            switch (name)
            {
                case "--source":
                    source = value;
                    break;
                case "--out":
                    output = value;
                    break;
                case "--votes" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    votes = n;
                    break;
                case "--copies" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0:
                    copies = k;
                    break;
                case "--seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--votes" or "--copies" or "--seed":
                    return Fail($"option {name}: '{value}' is not a {(name == "--copies" ? "positive" : "non-negative")} whole number");
                default:
                    return Fail($"unknown option {name}");
            }
        }

        if (votes < 0 || output is null)
        {
            return Fail("--votes and --out are required");
        }

        var stopwatch = Stopwatch.StartNew();
        source ??= SharedDataLocator.File(SharedDataLocator.ArenaBattles);
        var battles = ArenaBattleSource.Load(source);
        var resampler = new BattleResampler(battles, copies, seed);
        var bytes = VoteCsvWriter.Write(output, resampler, votes);
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {output}: {votes} votes over {resampler.ModelCount} models ({battles.Models.Count} × {copies} copies) resampled from {battles.Count} votes of {source}, seed {seed}, {bytes / 1e6:F1} MB in {stopwatch.Elapsed.TotalSeconds:F2} s"));
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"generate: {message}\nusage: {Usage}");
        return 2;
    }
}
