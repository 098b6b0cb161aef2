using System.Globalization;
using Modelwatch.Cli;

namespace Modelwatch.Testing.Web;

/// <summary>A board row as <c>modelwatch rank … --format csv</c> prints it.</summary>
public sealed record CliRow(int Rank, string Model, double Rating, double Lower, double Upper, long Votes);

/// <summary>Runs the <c>modelwatch</c> CLI in-process: the reference every page and API number must agree with.</summary>
public static class CliReference
{
    /// <summary>Runs <c>modelwatch <paramref name="args"/></c>; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(args, new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        Assert.True(code == 0, $"modelwatch {string.Join(' ', args)} exited {code}: {error}");
        return output.ToString();
    }

    /// <summary>The rows of <c>modelwatch rank FILE --format csv</c> and the given options.</summary>
    public static async Task<IReadOnlyList<CliRow>> RankAsync(string votesFile, params string[] options)
    {
        var csv = await RunAsync(["rank", votesFile, "--format", "csv", .. options]);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("rank,model,rating,lower,upper,votes", lines[0]);
        return [.. lines.Skip(1).Select(Parse)];
    }

    private static CliRow Parse(string line)
    {
        var f = line.Split(',');
        var i = CultureInfo.InvariantCulture;
        return new CliRow(int.Parse(f[0], i), f[1], double.Parse(f[2], i), double.Parse(f[3], i), double.Parse(f[4], i), long.Parse(f[5], i));
    }
}
