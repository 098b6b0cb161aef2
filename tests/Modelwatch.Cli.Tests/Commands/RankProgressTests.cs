using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Commands;

/// <summary>Long reads and bootstrap runs report progress on stderr, never on stdout (which stays pipeable).</summary>
public class RankProgressTests
{
    [Fact]
    public async Task Reading_a_big_file_and_bootstrapping_print_progress_on_stderr_only()
    {
        using var dir = new TempDirectory();
        var path = dir.File("votes.csv");
        var text = new StringBuilder("model_a,model_b,winner\n");
        var random = new Random(3);
        for (var i = 0; i < 200_000; i++)
        {
            var a = random.Next(8);
            text.Append(CultureInfo.InvariantCulture, $"model-{a},model-{(a + 1 + random.Next(7)) % 8},{(random.Next(3) switch { 0 => "model_a", 1 => "model_b", _ => "tie" })}\n");
        }

        await File.WriteAllTextAsync(path, text.ToString(), TestContext.Current.CancellationToken);

        // Every clock read moves time on by a second, so each progress report is "late enough" to be printed.
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(["rank", path, "--format", "csv", "--ci", "bootstrap", "--rounds", "20"], new CliContext(output, error, clock), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"reading votes\.csv: \d+\.\d of \d+\.\d MB \(\d+%\), [\d,]+ votes", error.ToString());
        Assert.Matches(@"bootstrap: \d+ of 20 rounds", error.ToString());
        Assert.DoesNotContain("reading", output.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("rank,model,rating,lower,upper,votes", output.ToString(), StringComparison.Ordinal);
    }
}
