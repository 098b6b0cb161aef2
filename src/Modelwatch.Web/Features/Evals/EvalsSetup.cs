using System.Text.Json.Serialization;
using Modelwatch.Core.Evals;
using Modelwatch.Data.Evals;
using Modelwatch.Data.Evals.Store;
using Modelwatch.Evals;

namespace Modelwatch.Web.Features.Evals;

/// <summary>Your own evaluations: the store, blind human votes, the runner and the background queue that runs it.</summary>
public static class EvalsSetup
{
    public static IServiceCollection AddEvals(this IServiceCollection services)
    {
        services.AddSingleton<EvalStore>();
        services.AddSingleton<EvalHumanVotes>(sp => new EvalHumanVotes(
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.ModelwatchDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<EvalRunner>();
        services.AddSingleton<EvalRunActivity>();
        services.AddSingleton<EvalRunQueue>();
        // Stopped with the app: every run in flight is cancelled and recorded as Stopped before the process ends.
        services.AddHostedService(sp => sp.GetRequiredService<EvalRunQueue>());
        // The evaluation enums read as words in the API (only these: other features' JSON stays as it is).
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter<EvalRunStatus>());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter<JudgeVerdict>());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter<EvalJudgeKind>());
        });
        return services;
    }
}
