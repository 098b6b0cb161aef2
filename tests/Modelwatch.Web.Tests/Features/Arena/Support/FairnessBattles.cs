using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Arena;
using Modelwatch.Data;
using Modelwatch.Data.Arena;

namespace Modelwatch.Web.Tests.Features.Arena.Support;

/// <summary>Builds contestants and answered battles straight in the database, for the fairness tests (no providers needed).</summary>
public static class FairnessBattles
{
    public static async Task<ArenaContestant> ContestantAsync(IServiceProvider services, string provider, string model, string? catalogModelId = null)
    {
        var db = await services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var contestant = new ArenaContestant { Provider = provider, Model = model, BoardName = $"{provider}/{model}", CatalogModelId = catalogModelId, FirstSeen = DateTimeOffset.UtcNow };
            db.ArenaContestants.Add(contestant);
            await db.SaveChangesAsync();
            return contestant;
        }
    }

    /// <summary>A battle with its turns answered: one prompt per turn, answers "A says…"/"B says…" unless given.</summary>
    public static async Task<Guid> BattleAsync(
        IServiceProvider services, ArenaContestant a, ArenaContestant b, string voter, string[] prompts,
        BattleMode mode = BattleMode.Blind, string? answerA = null, string? answerB = null, AnswerOutcome outcomeB = AnswerOutcome.Completed,
        BattleStatus status = BattleStatus.Answered, int tokensA = 100, int tokensB = 200)
    {
        var db = await services.GetRequiredService<IDbContextFactory<ModelwatchDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var battle = new ArenaBattle
            {
                Id = Guid.NewGuid(),
                Mode = mode,
                Voter = voter,
                ContestantA = a.Id,
                ContestantB = b.Id,
                CreatedAt = DateTimeOffset.UtcNow,
                Status = status,
                Categories = [.. PromptCategories.Guess(prompts[0])],
            };
            for (var i = 0; i < prompts.Length; i++)
            {
                battle.Turns.Add(new ArenaTurn { BattleId = battle.Id, Number = i + 1, Prompt = prompts[i], PromptHash = PromptFingerprint.Of(prompts[i]), AskedAt = DateTimeOffset.UtcNow });
                battle.Answers.Add(new ArenaAnswer { BattleId = battle.Id, Turn = i + 1, Side = BattleSide.A, Text = answerA ?? $"Here is an answer to turn {i + 1}.", Outcome = AnswerOutcome.Completed, OutputTokens = tokensA, Headers = 1, Lists = 2, Bold = 3 });
                battle.Answers.Add(new ArenaAnswer { BattleId = battle.Id, Turn = i + 1, Side = BattleSide.B, Text = answerB ?? $"Another answer to turn {i + 1}.", Outcome = outcomeB, OutputTokens = tokensB, Headers = 0, Lists = 1, Bold = 0 });
            }

            db.ArenaBattles.Add(battle);
            await db.SaveChangesAsync();
            return battle.Id;
        }
    }
}
