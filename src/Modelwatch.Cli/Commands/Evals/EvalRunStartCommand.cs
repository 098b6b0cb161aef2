using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modelwatch.Cli.Commands.Catalog;
using Modelwatch.Cli.Progress;
using Modelwatch.Data;
using Modelwatch.Data.Evals;
using Modelwatch.Evals;
using Modelwatch.Providers;

namespace Modelwatch.Cli.Commands.Evals;

/// <summary>
/// <c>modelwatch eval run start ID</c>: runs (or resumes) a run in the foreground with a progress line. Ctrl+C stops
/// it: everything finished stays, the run is Stopped, and starting it again asks only for what is missing.
/// </summary>
internal static class EvalRunStartCommand
{
    public static Command Create(CliContext context, Option<string?> database)
    {
        var id = new Argument<int>("id") { Description = "The run's id." };
        var providers = new Option<string?>("--providers")
        {
            Description = $"A JSON file with the providers (the web app's settings file, or its Modelwatch:Arena:Providers list). Default: ${EvalProviders.EnvironmentVariable}.",
            HelpName = "FILE",
        };
        var command = new Command("start", "Run or resume a run here; Ctrl+C stops it (exit 130) and a later start resumes. Exit 0 when it completed.") { id, providers };
        command.SetAction((result, ct) => CatalogDatabase.RunAsync(context, async () =>
        {
            var file = result.GetValue(providers) ?? Environment.GetEnvironmentVariable(EvalProviders.EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(file))
            {
                return RankCommand.Fail(context, ExitCodes.Usage, $"--providers: name the providers file (or set ${EvalProviders.EnvironmentVariable})");
            }

            IReadOnlyList<ProviderOptions> configured;
            try
            {
                configured = EvalProviders.Read(file);
            }
            catch (FormatException error)
            {
                return RankCommand.Fail(context, ExitCodes.InvalidInput, "--providers: " + error.Message);
            }

            var contexts = await CatalogDatabase.OpenAsync(result, database, ct).ConfigureAwait(false);
            var services = new ServiceCollection();
            services.AddSingleton(context.Time);
            services.TryAddSingleton<IDbContextFactory<ModelwatchDbContext>>(contexts);
            services.AddModelwatchProviders(configured, Environment.GetEnvironmentVariable);
            services.AddSingleton<EvalRunner>();
            var provider = services.BuildServiceProvider();
            await using (provider.ConfigureAwait(false))
            {
                var runner = provider.GetRequiredService<EvalRunner>();
                using var line = new StatusLine(context);
                var outcome = await runner.RunAsync(result.GetValue(id), new Line(line), ct).ConfigureAwait(false);
                line.Dispose();
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"run {outcome.RunId}: {outcome.Status}; {outcome.Answered} answered, {outcome.AnswersFailed} failed, {outcome.Judged} verdicts ({outcome.VerdictsUnparsed} without a verdict, {outcome.JudgeCallsFailed} judge calls failed)")).ConfigureAwait(false);
                if (outcome.LeaseRefused)
                {
                    return RankCommand.Fail(context, ExitCodes.InvalidRequest, $"run {outcome.RunId} is being worked on by another instance; try again when it stops");
                }

                return outcome.Status switch
                {
                    EvalRunStatus.Completed => ExitCodes.Ok,
                    EvalRunStatus.Stopped => RankCommand.Fail(context, ExitCodes.Cancelled, $"stopped; what finished is kept: `modelwatch eval run start {outcome.RunId}` resumes"),
                    _ => RankCommand.Fail(context, ExitCodes.SourceFailed, outcome.Error ?? $"run {outcome.RunId} ended {outcome.Status}"),
                };
            }
        }));
        return command;
    }

    /// <summary>"answers 12/36 (1 failed)" as the progress line.</summary>
    private sealed class Line(StatusLine line) : IProgress<EvalProgress>
    {
        public void Report(EvalProgress value) =>
            line.Update(elapsed => string.Create(CultureInfo.InvariantCulture, $"{value.Phase} {value.Done}/{value.Total}{(value.Failed > 0 ? $" ({value.Failed} failed)" : "")} · {elapsed:mm\\:ss}"));
    }
}
