using System.Text.Json;
using System.Text.Json.Serialization;
using Modelwatch.Providers;

namespace Modelwatch.Cli.Commands.Evals;

/// <summary>
/// The providers a foreground run calls, from a JSON file: the web app's settings file (its
/// <c>Modelwatch:Arena:Providers</c> list) or just that list. Keys stay out of the file through <c>ApiKeyVariable</c>.
/// Providers stored in the web app (their keys are encrypted with its key ring) are not available here.
/// </summary>
internal static class EvalProviders
{
    /// <summary>The variable naming the file when <c>--providers</c> is not given.</summary>
    public const string EnvironmentVariable = "MODELWATCH_PROVIDERS";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the providers; the message of the exception names the file and what was wrong.</summary>
    /// <exception cref="FormatException">The file is missing, not JSON, or holds no provider list.</exception>
    public static IReadOnlyList<ProviderOptions> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"{path}: no such file");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var list = document.RootElement;
            foreach (var name in new[] { "Modelwatch", "Arena", "Providers" })
            {
                if (list.ValueKind != JsonValueKind.Object)
                {
                    break;
                }

                list = list.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{path}: expected a list of providers, or a settings file with Modelwatch:Arena:Providers");
            }

            return list.Deserialize<List<ProviderOptions>>(Options) ?? [];
        }
        catch (JsonException error)
        {
            throw new FormatException($"{path}: line {error.LineNumber + 1}: {error.Message}", error);
        }
    }
}
