namespace Modelwatch.Core.Advisor.Parsing;

/// <summary>The use cases as the query string, the form and the CLI spell them (kebab case).</summary>
public static class UseCaseNames
{
    private static readonly (UseCase UseCase, string Name)[] Names =
    [
        (UseCase.General, "general"),
        (UseCase.Coding, "coding"),
        (UseCase.Math, "math"),
        (UseCase.CreativeWriting, "creative-writing"),
        (UseCase.InstructionFollowing, "instruction-following"),
        (UseCase.LongDocuments, "long-documents"),
        (UseCase.Multimodal, "multimodal"),
        (UseCase.Language, "language"),
        (UseCase.AgenticToolUse, "agentic"),
    ];

    /// <summary>Every use case's name, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    /// <summary>The kebab-case name of <paramref name="useCase"/>.</summary>
    public static string Of(UseCase useCase)
    {
        foreach (var (u, name) in Names)
        {
            if (u == useCase)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(useCase), useCase, "not a known use case");
    }

    /// <summary>The use case named <paramref name="name"/> (any case; <c>_</c> read as <c>-</c>), or null.</summary>
    public static UseCase? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.Trim().Replace('_', '-');
        foreach (var (u, n) in Names)
        {
            if (string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return u;
            }
        }

        return null;
    }
}
