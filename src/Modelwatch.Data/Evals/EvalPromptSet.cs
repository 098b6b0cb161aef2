namespace Modelwatch.Data.Evals;

/// <summary>A named set of prompts, imported from CSV / JSON Lines or written in the app.</summary>
public sealed class EvalPromptSet
{
    public const int MaxNameLength = 200;

    public int Id { get; set; }

    /// <summary>Unique.</summary>
    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<EvalPrompt> Prompts { get; } = [];
}

/// <summary>One prompt of a set, with its tags (per-tag boards) and an optional reference answer for the judge.</summary>
public sealed class EvalPrompt
{
    public const int MaxKeyLength = 128;

    public long Id { get; set; }

    public int SetId { get; set; }

    /// <summary>The prompt's id within its set (the file's <c>id</c> column, else its line number); unique per set.</summary>
    public required string Key { get; set; }

    public required string Text { get; set; }

    /// <summary>A reference answer the judge may be shown; null when there is none.</summary>
    public string? Reference { get; set; }

    /// <summary>Lower-case tags (<c>coding</c>, <c>sql</c>, <c>korean</c>).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Order within the set (file order).</summary>
    public int Position { get; set; }
}
