using Modelwatch.Core.Arena;
using Modelwatch.Data.Evals;

namespace Modelwatch.Data.Tests.Evals;

/// <summary>One answer of <see cref="HumanVoteRun"/> as the test knows it.</summary>
internal sealed record SeededAnswer(long PromptId, int PromptIndex, int ModelId, int ModelIndex, string Text, bool Completed);

/// <summary>
/// A run with every model's answer to every prompt written straight into the tables (what the runner would have
/// stored), so the human-vote rules are tested on their own; one answer can be made a failure.
/// </summary>
internal sealed record HumanVoteRun(int RunId, IReadOnlyDictionary<long, SeededAnswer> Answers, IReadOnlyDictionary<int, string> Labels, IReadOnlyDictionary<long, string> PromptTexts)
{
    public static async Task<HumanVoteRun> SeedAsync(ModelwatchContextFactory contexts, int prompts, int models, (int Prompt, int Model)? failed, CancellationToken ct, string name = "votes")
    {
        var now = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        await using var db = contexts.CreateDbContext();
        var set = new EvalPromptSet { Name = name, CreatedAt = now };
        for (var p = 0; p < prompts; p++)
        {
            set.Prompts.Add(new EvalPrompt { Key = $"p{p}", Text = $"{name} prompt {p}: explain thing {p}", Tags = ["t"], Position = p });
        }

        db.EvalPromptSets.Add(set);
        await db.SaveChangesAsync(ct);
        var run = new EvalRun { SetId = set.Id, Name = name + " run", Status = EvalRunStatus.Completed, CreatedAt = now };
        for (var m = 0; m < models; m++)
        {
            run.Models.Add(new EvalRunModel { Provider = "fake", Model = $"model-{m}", Label = $"fake/model-{m}" });
        }

        db.EvalRuns.Add(run);
        await db.SaveChangesAsync(ct);

        var rows = new List<(EvalAnswer Row, int Prompt, int Model)>();
        foreach (var (prompt, p) in set.Prompts.Select((x, i) => (x, i)))
        {
            foreach (var (model, m) in run.Models.Select((x, i) => (x, i)))
            {
                var fails = failed is { } f && f.Prompt == p && f.Model == m;
                var answer = new EvalAnswer
                {
                    RunId = run.Id,
                    PromptId = prompt.Id,
                    RunModelId = model.Id,
                    AnsweredAt = now,
                    TotalMs = 100,
                    Outcome = fails ? AnswerOutcome.Failed : AnswerOutcome.Completed,
                    Text = fails ? "" : $"{model.Label} answers {prompt.Key}",
                    Error = fails ? "HTTP 500" : null,
                };
                db.EvalAnswers.Add(answer);
                rows.Add((answer, p, m));
            }
        }

        await db.SaveChangesAsync(ct);
        return new HumanVoteRun(
            run.Id,
            rows.ToDictionary(r => r.Row.Id, r => new SeededAnswer(r.Row.PromptId, r.Prompt, r.Row.RunModelId, r.Model, r.Row.Text, r.Row.Outcome == AnswerOutcome.Completed)),
            run.Models.ToDictionary(m => m.Id, m => m.Label),
            set.Prompts.ToDictionary(p => p.Id, p => p.Text));
    }
}
