using System.Globalization;

namespace Modelwatch.Cli.Tests;

/// <summary>Runs the <c>modelwatch</c> command line in-process, capturing exit code, stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(args, new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The CSV leaderboard rows (after the header) as (rank, model, rating, lower, upper, votes).</summary>
    public IReadOnlyList<CsvRow> CsvRows()
    {
        var lines = Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("rank,model,rating,lower,upper,votes", lines[0]);
        return lines.Skip(1).Select(CsvRow.Parse).ToList();
    }
}

internal sealed record CsvRow(int Rank, string Model, double Rating, double? Lower, double? Upper, long Votes, string Line)
{
    public static CsvRow Parse(string line)
    {
        // Model names in the test data hold no commas or quotes, so a plain split is exact here.
        var f = line.Split(',');
        Assert.Equal(6, f.Length);
        return new CsvRow(
            int.Parse(f[0], CultureInfo.InvariantCulture),
            f[1],
            double.Parse(f[2], CultureInfo.InvariantCulture),
            f[3].Length == 0 ? null : double.Parse(f[3], CultureInfo.InvariantCulture),
            f[4].Length == 0 ? null : double.Parse(f[4], CultureInfo.InvariantCulture),
            long.Parse(f[5], CultureInfo.InvariantCulture),
            line);
    }
}
