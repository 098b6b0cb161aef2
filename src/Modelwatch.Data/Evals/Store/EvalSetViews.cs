namespace Modelwatch.Data.Evals.Store;

/// <summary>A prompt set in lists: how many prompts and which tags (with prompt counts).</summary>
public sealed record EvalSetSummary(int Id, string Name, string? Description, DateTimeOffset CreatedAt, int PromptCount, IReadOnlyList<EvalTagCount> Tags);

/// <summary>A tag and how many prompts carry it.</summary>
public sealed record EvalTagCount(string Tag, int Prompts);

/// <summary>One prompt of a set as pages and the API show it.</summary>
public sealed record EvalPromptView(long Id, string Key, string Text, string? Reference, IReadOnlyList<string> Tags, int Position);

/// <summary>A set with its prompts in file order.</summary>
public sealed record EvalSetDetail(EvalSetSummary Set, IReadOnlyList<EvalPromptView> Prompts);
