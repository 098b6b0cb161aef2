using System.Security.Cryptography;
using System.Text;

namespace Modelwatch.Core.Arena;

/// <summary>
/// A prompt's fingerprint for finding repeats: SHA-256 (lower-case hex) of the prompt with case folded and runs of
/// white space made one space, so "Hello  world" and "hello world\n" are the same prompt.
/// </summary>
public static class PromptFingerprint
{
    public static string Of(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var normal = new StringBuilder(prompt.Length);
        var space = false;
        foreach (var c in prompt.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                normal.Append(' ');
                space = false;
            }

            normal.Append(char.ToLowerInvariant(c));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal.ToString())));
    }
}
