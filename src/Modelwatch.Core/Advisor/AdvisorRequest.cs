namespace Modelwatch.Core.Advisor;

/// <summary>What the model is for; each maps to arena categories and benchmarks (<c>UseCaseMap</c>).</summary>
public enum UseCase
{
    /// <summary>Everyday chat: the <c>full</c> board.</summary>
    General,

    Coding,

    Math,

    CreativeWriting,

    InstructionFollowing,

    /// <summary>Long inputs (documents, transcripts): long-query boards and a large context window.</summary>
    LongDocuments,

    /// <summary>Images (or other media) in: vision boards and an image input modality.</summary>
    Multimodal,

    /// <summary>Chat in one language (<see cref="AdvisorRequest.Language"/>): that language's board.</summary>
    Language,

    /// <summary>Agents calling tools: tool-use benchmarks and tool calling required.</summary>
    AgenticToolUse,
}

/// <summary>
/// A budget stated as a monthly volume: the model's cost for <see cref="InputTokens"/> + <see cref="OutputTokens"/> a
/// month must not exceed <see cref="MaxUsd"/>.
/// </summary>
public sealed record MonthlyBudget(decimal MaxUsd, long InputTokens, long OutputTokens);

/// <summary>
/// Hard constraints: a model that breaks one (or for which the catalog does not know) is never picked. Unknown is
/// treated as not satisfied, because a constraint someone states is one they cannot afford to get wrong.
/// </summary>
public sealed record AdvisorConstraints
{
    /// <summary>Must run on the user's own hardware: downloadable weights under a licence that allows it.</summary>
    public bool SelfHost { get; init; }

    /// <summary>Must be usable commercially (the licence, or the API's terms for proprietary models).</summary>
    public bool Commercial { get; init; }

    /// <summary>Context window of at least this many tokens.</summary>
    public int? MinContext { get; init; }

    /// <summary>Input modalities the model must accept besides text (<c>image</c>, <c>audio</c>, <c>pdf</c>, …), lower case.</summary>
    public IReadOnlyList<string> InputModalities { get; init; } = [];

    /// <summary>Output modalities the model must produce besides text, lower case.</summary>
    public IReadOnlyList<string> OutputModalities { get; init; } = [];

    /// <summary>Must support tool (function) calling.</summary>
    public bool ToolCalling { get; init; }

    /// <summary>At most this blended price, USD per million tokens (<c>AdvisorPricing.Blended</c>: 3 parts input to 1 part output).</summary>
    public decimal? MaxPricePerMillion { get; init; }

    /// <summary>At most this much a month at a stated volume.</summary>
    public MonthlyBudget? Monthly { get; init; }

    /// <summary>At most this median time to first token, seconds, as measured by this instance (arena and evaluations).</summary>
    public double? MaxLatencySeconds { get; init; }
}

/// <summary>How much quality, price and speed matter, each 0 or more (only their ratios count).</summary>
public sealed record AdvisorWeights(double Quality = 1.0, double Price = 0.5, double Speed = 0.0);

/// <summary>Where the quality numbers come from.</summary>
/// <param name="Dataset">
/// A stored vote dataset's name to fit the category board from (reproducible with <c>modelwatch rank --dataset</c>);
/// null: automatic (a dataset that has the category, else LMArena's latest published board of it).
/// </param>
/// <param name="PublishedOnly">Use only LMArena's published boards.</param>
/// <param name="EvalRun">
/// One of the user's own evaluation runs to rank by (its LLM judge's board, else its people's board): quality on the
/// user's own prompts instead of a public board. Excludes <paramref name="Dataset"/> and <paramref name="PublishedOnly"/>.
/// </param>
/// <param name="EvalTag">With <paramref name="EvalRun"/>: only the run's prompts with this tag.</param>
public sealed record RatingSourceChoice(string? Dataset = null, bool PublishedOnly = false, int? EvalRun = null, string? EvalTag = null);

/// <summary>A question to the advisor: what for, under which constraints, with which priorities.</summary>
public sealed record AdvisorRequest
{
    public UseCase UseCase { get; init; } = UseCase.General;

    /// <summary>For <see cref="UseCase.Language"/>: the language's English name as boards name it (<c>korean</c>, <c>german</c>).</summary>
    public string? Language { get; init; }

    public AdvisorConstraints Constraints { get; init; } = new();

    public AdvisorWeights Weights { get; init; } = new();

    public RatingSourceChoice RatingSource { get; init; } = new();

    /// <summary>How many picks to return (the short list).</summary>
    public int Picks { get; init; } = 5;
}
