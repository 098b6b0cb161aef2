using Modelwatch.Core.Arena;

namespace Modelwatch.Data.Evals;

/// <summary>Where a run is. A stopped or failed run resumes where it stopped: only missing answers and verdicts are asked for.</summary>
public enum EvalRunStatus
{
    /// <summary>Created, never started.</summary>
    Draft,

    /// <summary>Answers or verdicts are being asked for.</summary>
    Running,

    /// <summary>Stopped by a person (or the app shutting down) before it finished.</summary>
    Stopped,

    /// <summary>Every prompt answered by every model and, with a judge, every pair judged in both orders.</summary>
    Completed,

    /// <summary>Ended by an error that is not one answer's (the run's <see cref="EvalRun.LastError"/>).</summary>
    Failed,
}

/// <summary>A prompt set run against several models through the configured providers, optionally judged by an LLM.</summary>
public sealed class EvalRun
{
    public const int MaxNameLength = 200;
    public const int MaxErrorLength = 2000;
    public const int MaxLeaseOwnerLength = 128;

    public int Id { get; set; }

    public int SetId { get; set; }

    public required string Name { get; set; }

    public EvalRunStatus Status { get; set; }

    /// <summary>How many requests may be in flight at once (answers and verdicts).</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Limit on each answer's output tokens.</summary>
    public int MaxOutputTokens { get; set; } = 2048;

    /// <summary>The model every other model is compared with (Arena-Hard's baseline); null: no LLM judging.</summary>
    public int? BaselineModelId { get; set; }

    /// <summary>The judge's provider (an arena provider name); null: no LLM judge.</summary>
    public string? JudgeProvider { get; set; }

    /// <summary>The judge's model id at <see cref="JudgeProvider"/>.</summary>
    public string? JudgeModel { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The instance working on the run (so two instances never run it at once); null when none is.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public List<EvalRunModel> Models { get; } = [];
}

/// <summary>One model of a run: a provider's model, with the catalog model and prices it had when the run was created.</summary>
public sealed class EvalRunModel
{
    public const int MaxProviderLength = 200;
    public const int MaxModelLength = 300;
    public const int MaxLabelLength = 300;
    public const int MaxCatalogIdLength = 256;

    public int Id { get; set; }

    public int RunId { get; set; }

    /// <summary>An arena provider's name.</summary>
    public required string Provider { get; set; }

    /// <summary>The provider's model id.</summary>
    public required string Model { get; set; }

    /// <summary>The name on the run's board (<c>provider/model</c> unless given); unique per run.</summary>
    public required string Label { get; set; }

    public string? CatalogModelId { get; set; }

    /// <summary>USD per million input tokens, for the run's cost; null when the catalog has no price.</summary>
    public decimal? InputPerMillion { get; set; }

    public decimal? OutputPerMillion { get; set; }
}

/// <summary>One model's answer to one prompt. Unique per (model, prompt): a resumed run never asks twice.</summary>
public sealed class EvalAnswer
{
    public const int MaxErrorLength = 2000;

    public long Id { get; set; }

    public int RunId { get; set; }

    public long PromptId { get; set; }

    public int RunModelId { get; set; }

    public AnswerOutcome Outcome { get; set; }

    public string Text { get; set; } = "";

    public string? Error { get; set; }

    public int? InputTokens { get; set; }

    public int? OutputTokens { get; set; }

    public double? TimeToFirstTokenMs { get; set; }

    public double TotalMs { get; set; }

    /// <summary>Tokens × the run model's prices; null when either is unknown.</summary>
    public decimal? CostUsd { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
