using System.Globalization;
using Modelwatch.Core.Catalog;
using Modelwatch.Import.Catalog.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Modelwatch.Import.Catalog.Aider;

/// <summary>
/// Reads Aider's polyglot leaderboard (<c>polyglot_leaderboard.yml</c>): one benchmark score per run, the percentage
/// of the 225 exercises solved within two tries (<c>pass_rate_2</c>), under the LiteLLM id the run was made with.
/// </summary>
/// <remarks>
/// <para>The model is the <c>--model</c> of the run's <c>command</c>, a LiteLLM call string (provider prefix and
/// all, <c>openrouter/x-ai/grok-4</c>). Aider's own short aliases (<c>sonnet</c>, <c>r1</c>) pointed at different models
/// over time, so for those the run's <c>model</c> name is used instead, without its notes ("(no thinking)", "+ editor").
/// Some LiteLLM ids float too (<c>deepseek/deepseek-chat</c> served V2.5, V3 and V3.2 in turn): the as-of date tells
/// those runs apart.</para>
/// <para>The variant is the edit format plus the reasoning effort, thinking budget and editor model when the run
/// states them (as fields or in the command). Not kept, for want of a place: pass_rate_1, cost, tokens, timing,
/// malformed-response counts and the aider version.</para>
/// </remarks>
public sealed class AiderImporter : ICatalogImporter
{
    public const string LeaderboardUrl = "https://aider.chat/docs/leaderboards/";

    public const string Benchmark = "aider-polyglot";

    public const string Metric = "pass_rate_2";

    // Aider's MODEL_ALIASES: names of whatever model aider chose at the time, not LiteLLM ids.
    private static readonly HashSet<string> AiderAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        "sonnet", "haiku", "opus", "4", "4o", "4-turbo", "35turbo", "35-turbo", "3", "deepseek", "flash", "flash-lite",
        "quasar", "r1", "gemini", "gemini-exp", "grok3", "optimus",
    };

    public string Source => CatalogSources.Aider;

    public CatalogBatch Read(CatalogInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = CatalogFiles.RequireFile(input, "Aider's polyglot_leaderboard.yml");
        var file = CatalogFiles.ShownName(input);
        var runs = Runs(path, file);
        var problems = new List<RecordProblem>();
        var scores = new List<SourceBenchmarkScore>();
        foreach (var node in runs.Children)
        {
            ct.ThrowIfCancellationRequested();
            var location = FormattableString.Invariant($"{file}:{node.Start.Line}");
            if (node is not YamlMappingNode run)
            {
                problems.Add(new RecordProblem(location, $"a run is {Kind(node)}; expected a mapping of run fields. The entry is skipped."));
                continue;
            }

            if (Score(run, location, problems) is { } score)
            {
                scores.Add(score);
            }
        }

        return new CatalogBatch(Source, input.Location) { BenchmarkScores = scores, Problems = problems };
    }

    private static YamlSequenceNode Runs(string path, string file)
    {
        var yaml = new YamlStream();
        Parser? parser = null;
        try
        {
            using var reader = File.OpenText(path);
            parser = new Parser(reader);
            yaml.Load(parser);
        }
        catch (YamlException e)
        {
            throw new CatalogSourceException(FormattableString.Invariant($"{file}:{e.Start.Line}: not valid YAML ({e.Message})."), e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's loader gives up this way on some malformed flow collections; the parser knows where it was.
            var line = parser?.Current is { } at ? FormattableString.Invariant($":{at.Start.Line}") : "";
            throw new CatalogSourceException($"{file}{line}: not valid YAML (the structure breaks off here: {e.Message}).", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogSourceException($"{file}: could not be read ({e.Message}).", e);
        }

        if (yaml.Documents.Count == 0)
        {
            throw new CatalogSourceException($"{file}: empty; expected a YAML list of leaderboard runs.");
        }

        var root = yaml.Documents[0].RootNode;
        return root as YamlSequenceNode ?? throw new CatalogSourceException(
            FormattableString.Invariant($"{file}:{root.Start.Line}: not Aider's leaderboard; expected a list of runs (- dirname: …, model: …, pass_rate_2: …), found {Kind(root)}."));
    }

    private static SourceBenchmarkScore? Score(YamlMappingNode run, string location, List<RecordProblem> problems)
    {
        var dirname = Text(run, "dirname");
        var record = dirname is null ? "run" : $"run \"{dirname}\"";
        void Problem(string field, string message) => problems.Add(new RecordProblem($"{location} {field}", $"{record}: {field} {message}."));

        var name = Text(run, "model");
        var command = AiderCommand.Parse(Text(run, "command"));
        var modelRef = command?.Model is { } id && !AiderAliases.Contains(id) ? id : WithoutNotes(name);
        if (modelRef is null)
        {
            Problem("model", "is missing and the command names no --model; expected the model the run measured. The run is skipped");
            return null;
        }

        var passRate = Text(run, "pass_rate_2");
        if (!double.TryParse(passRate, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score) || score is < 0 or > 100)
        {
            Problem("pass_rate_2", $"is {(passRate is null ? "missing" : $"\"{passRate}\"")}; expected a percentage from 0 to 100. The run is skipped");
            return null;
        }

        var dateText = Text(run, "date");
        DateOnly? asOf = null;
        if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            asOf = date;
        }
        else
        {
            Problem("date", $"is {(dateText is null ? "missing" : $"\"{dateText}\"")}; expected yyyy-MM-dd. The score is kept without a date");
        }

        return new SourceBenchmarkScore(modelRef, Benchmark, score)
        {
            Variant = Variant(run, command, Problem),
            Metric = Metric,
            SourceUrl = LeaderboardUrl,
            SelfReported = false,
            AsOf = asOf,
        };
    }

    /// <summary>"diff", "diff, reasoning effort high", "diff, thinking 32768 tokens", "architect, editor gpt-4.1 (editor-diff)".</summary>
    private static string? Variant(YamlMappingNode run, AiderCommand? command, Action<string, string> problem)
    {
        var parts = new List<string>();
        if (Text(run, "edit_format") is { } format)
        {
            parts.Add(format);
        }

        if ((Text(run, "reasoning_effort") ?? command?.ReasoningEffort) is { } effort)
        {
            parts.Add($"reasoning effort {effort}");
        }

        var thinkingText = Text(run, "thinking_tokens");
        var thinking = thinkingText is null ? command?.ThinkingTokens : AiderCommand.TokenCount(thinkingText);
        if (thinkingText is not null && thinking is null)
        {
            problem("thinking_tokens", $"is \"{thinkingText}\"; expected a token count such as 32000 or 32k");
        }

        if (thinking is { } budget)
        {
            parts.Add(budget == 0 ? "no thinking" : FormattableString.Invariant($"thinking {budget} tokens"));
        }

        if ((Text(run, "editor_model") ?? command?.EditorModel) is { } editor)
        {
            parts.Add(Text(run, "editor_edit_format") is { } editorFormat ? $"editor {editor} ({editorFormat})" : $"editor {editor}");
        }

        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }

    /// <summary>"claude-3-7-sonnet-20250219 (no thinking)" → "claude-3-7-sonnet-20250219"; "DeepSeek R1 + claude-3-5-sonnet" → "DeepSeek R1".</summary>
    internal static string? WithoutNotes(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var plus = name.IndexOf(" + ", StringComparison.Ordinal);
        if (plus > 0)
        {
            name = name[..plus];
        }

        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0)
        {
            name = name[..paren];
        }

        name = name.Trim();
        return name.Length > 0 ? name : null;
    }

    private static string? Text(YamlMappingNode run, string key) =>
        run.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    private static string Kind(YamlNode node) => node switch
    {
        YamlScalarNode s => $"the scalar \"{s.Value}\"",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };
}
