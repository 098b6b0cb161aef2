using System.Diagnostics.CodeAnalysis;

namespace Modelwatch.Import.Evals;

/// <summary>
/// A prompt file that cannot be read. The message starts with the place — <c>file:line: field:</c> — and says what was
/// found and what was expected, e.g. <c>prompts.csv:7: prompt: the prompt is empty; expected the text to send</c>.
/// </summary>
public sealed class PromptSetFileException : Exception
{
    private string _source;

    public PromptSetFileException(string file, long line, string? field, string message)
        : base(field is null ? $"{file}:{line}: {message}" : $"{file}:{line}: {field}: {message}")
    {
        _source = file;
        Line = line;
        Field = field;
        Reason = message;
    }

    public PromptSetFileException()
        : this("(unknown file)", 0, null, "The prompt file cannot be read.")
    {
    }

    public PromptSetFileException(string message)
        : this("(unknown file)", 0, null, message)
    {
    }

    public PromptSetFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        _source = "(unknown file)";
        Reason = message;
    }

    /// <summary>The file name as the caller gave it (replaces <see cref="Exception.Source"/>'s assembly name).</summary>
    [AllowNull]
    public override string Source
    {
        get => _source;
        set => _source = value ?? _source;
    }

    /// <summary>1-based line where the bad record starts; 0 for a problem of the whole file.</summary>
    public long Line { get; }

    /// <summary>The column or property at fault; null when the record as a whole is.</summary>
    public string? Field { get; }

    /// <summary>What was wrong and what was expected, without the place.</summary>
    public string Reason { get; } = "";
}
