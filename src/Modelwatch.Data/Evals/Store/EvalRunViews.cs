namespace Modelwatch.Data.Evals.Store;

/// <summary>
/// One model of a new run. <paramref name="Label"/> defaults to <c>provider/model</c>. The catalog model and prices are
/// looked up (the arena's link of that provider model, else an offering or alias of the id; the lab's own current price,
/// else the cheapest paid one) unless given here.
/// </summary>
public sealed record EvalModelInput(
    string Provider,
    string Model,
    string? Label = null,
    string? CatalogModelId = null,
    decimal? InputPerMillion = null,
    decimal? OutputPerMillion = null);

/// <summary>
/// A new run: the set, its models, the baseline (a label among them; needed for an LLM judge), the judge
/// (<c>provider</c> + <c>model</c>; both or neither), concurrency and the output-token limit per answer.
/// </summary>
public sealed record EvalRunInput(
    int SetId,
    string Name,
    IReadOnlyList<EvalModelInput> Models,
    string? BaselineLabel = null,
    string? JudgeProvider = null,
    string? JudgeModel = null,
    int Concurrency = 4,
    int MaxOutputTokens = 2048);

/// <summary>One model of a run as stored.</summary>
public sealed record EvalRunModelView(
    int Id, string Provider, string Model, string Label, string? CatalogModelId, decimal? InputPerMillion, decimal? OutputPerMillion, bool IsBaseline);

/// <summary>
/// How far a run is. Answers: expected = prompts × models; failed = Failed, TimedOut or CutOff (Failed and TimedOut are
/// asked again on resume); pending = never answered or to be asked again. Games: with a judge, every non-baseline model ×
/// prompt in both orders; judged counts stored verdict rows, unparsed those whose judge text had no verdict.
/// </summary>
public sealed record EvalProgressCounts(
    int Prompts,
    int Models,
    int AnswersExpected,
    int AnswersCompleted,
    int AnswersFailed,
    int AnswersPending,
    int GamesExpected,
    int GamesJudged,
    int GamesUnparsed,
    int HumanVotes);

/// <summary>A run with its models, judge and progress.</summary>
public sealed record EvalRunSummary(
    int Id,
    string Name,
    int SetId,
    string SetName,
    EvalRunStatus Status,
    IReadOnlyList<EvalRunModelView> Models,
    string? BaselineLabel,
    string? JudgeProvider,
    string? JudgeModel,
    int Concurrency,
    int MaxOutputTokens,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? LastError,
    string? LeaseOwner,
    EvalProgressCounts Progress)
{
    /// <summary>The judge as verdict rows name it (<c>provider/model</c>); null without a judge.</summary>
    public string? Judge => EvalJudges.Name(JudgeProvider, JudgeModel);
}

/// <summary>How an LLM judge is named on its verdict rows.</summary>
public static class EvalJudges
{
    public static string? Name(string? provider, string? model) =>
        string.IsNullOrEmpty(provider) || string.IsNullOrEmpty(model) ? null : $"{provider}/{model}";
}
