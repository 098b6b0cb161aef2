namespace Modelwatch.Core.Arena;

/// <summary>Category tags guessed from a prompt. First version: a code fence means <c>coding</c>; the fairness work replaces it.</summary>
public static class PromptCategories
{
    public static IReadOnlyList<string> Guess(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt.Contains("```", StringComparison.Ordinal) ? ["coding"] : [];
    }
}
