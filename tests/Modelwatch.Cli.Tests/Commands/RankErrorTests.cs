using Modelwatch.Testing;

namespace Modelwatch.Cli.Tests.Commands;

/// <summary>Bad input and bad requests end with a clear message on stderr, a non-zero exit and nothing on stdout.</summary>
public class RankErrorTests
{
    [Fact]
    public async Task An_unknown_winner_names_file_line_field_and_the_accepted_spellings()
    {
        using var dir = new TempDirectory();
        var path = dir.File("votes.csv");
        await File.WriteAllTextAsync(path, "model_a,model_b,winner\nx,y,model_a\nx,y,draw\n", TestContext.Current.CancellationToken);

        var run = await CliRun.Of("rank", path, "--format", "csv");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("votes.csv", run.Error, StringComparison.Ordinal);
        Assert.Contains(":3", run.Error, StringComparison.Ordinal);
        Assert.Contains("winner", run.Error, StringComparison.Ordinal);
        Assert.Contains("draw", run.Error, StringComparison.Ordinal);
        Assert.Contains("both_bad", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_invalid_counts_the_skipped_rows_by_reason_and_ranks_the_rest()
    {
        using var dir = new TempDirectory();
        var path = dir.File("votes.csv");
        await File.WriteAllTextAsync(path, "model_a,model_b,winner\nx,y,model_a\nx,y,draw\ny,x,tie\nx,y,nonsense\n", TestContext.Current.CancellationToken);

        var run = await CliRun.Of("rank", path, "--format", "csv", "--skip-invalid", "--ci", "none");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("skipped 2 invalid rows", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, run.CsvRows().Count);
        Assert.Equal(2, run.CsvRows()[0].Votes);
    }

    [Fact]
    public async Task A_missing_file_is_an_input_error()
    {
        var run = await CliRun.Of("rank", "/nonexistent/votes.csv");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("file not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_an_input_error_not_an_empty_board()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.csv");
        await File.WriteAllTextAsync(path, string.Empty, TestContext.Current.CancellationToken);

        var run = await CliRun.Of("rank", path);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("empty.csv", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_category_lists_the_ones_the_file_has()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);

        var run = await CliRun.Of("rank", votes, "--category", "coding");

        Assert.Equal(ExitCodes.InvalidRequest, run.ExitCode);
        Assert.Contains("coding", run.Error, StringComparison.Ordinal);
        Assert.Contains("hard_6", run.Error, StringComparison.Ordinal);
        Assert.Contains("creative_writing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Style_control_without_style_metadata_says_what_is_missing()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);

        var run = await CliRun.Of("rank", votes, "--style-control");

        Assert.Equal(ExitCodes.InvalidRequest, run.ExitCode);
        Assert.Contains("style", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task A_filter_that_needs_a_missing_column_is_refused_rather_than_ignored()
    {
        var votes = SharedData.File(SharedFiles.Arena140k);

        var run = await CliRun.Of("rank", votes, "--anonymous-only");

        Assert.Equal(ExitCodes.InvalidRequest, run.ExitCode);
        Assert.Contains("anony", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--anchor", "no-equals-sign")]
    [InlineData("--anchor", "model=abc")]
    [InlineData("--rounds", "1")]
    [InlineData("--format", "xml")]
    [InlineData("--ci", "jackknife")]
    public async Task Bad_options_are_usage_errors(string option, string value)
    {
        var run = await CliRun.Of("rank", "votes.csv", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anchor_model_that_is_not_rated_is_named()
    {
        using var dir = new TempDirectory();
        var path = dir.File("votes.csv");
        await File.WriteAllTextAsync(path, "model_a,model_b,winner\nx,y,model_a\ny,x,model_a\n", TestContext.Current.CancellationToken);

        var run = await CliRun.Of("rank", path, "--anchor", "gpt-9=1200");

        Assert.Equal(ExitCodes.InvalidRequest, run.ExitCode);
        Assert.Contains("gpt-9", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_gzip_is_an_error_not_a_shorter_file()
    {
        var source = await File.ReadAllBytesAsync(SharedData.File(SharedFiles.Arena140k), TestContext.Current.CancellationToken);
        using var dir = new TempDirectory();
        var path = dir.File("cut.csv.gz");
        await File.WriteAllBytesAsync(path, source[..(source.Length / 2)], TestContext.Current.CancellationToken);

        var run = await CliRun.Of("rank", path, "--format", "csv");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("cut.csv.gz", run.Error, StringComparison.Ordinal);
        Assert.Contains("truncated", run.Error, StringComparison.OrdinalIgnoreCase);
    }
}
