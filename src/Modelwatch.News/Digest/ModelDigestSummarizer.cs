using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Modelwatch.Core.News.Digest;

namespace Modelwatch.News.Digest;

/// <summary>
/// Summaries from a configured model, recursively as in swyx's AI News: each story's items are summarised first (the
/// items numbered, the answer JSON naming the numbers it rests on), then the recap is written from the top stories'
/// summaries (numbered again) — a summary of summaries in which each claim cites its stories. Nothing the model says
/// is kept without a link: an answer citing a number it was not given, or writing an address that is not one of its
/// inputs, is refused (the story falls back to TextRank, the recap claim is dropped), and every refusal is a note on
/// the digest. A model that fails or is unreachable leaves the digest to TextRank; the digest always comes out.
/// Summaries and translated headlines are written in the digest's language; the original headlines and links stay.
/// </summary>
public sealed class ModelDigestSummarizer(IChatClient client, string name, SummarizerOptions options) : IDigestSummarizer
{
    public string Name { get; } = name;

    public async Task<DigestSummaries> SummarizeAsync(DigestPlan plan, DigestOptions digestOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(digestOptions);
        var notes = new ConcurrentQueue<string>();
        var summaries = new ConcurrentDictionary<long, StorySummary>();
        await Parallel.ForEachAsync(
            plan.Stories,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallel), CancellationToken = cancellationToken },
            async (story, ct) =>
            {
                var summary = await SummarizeStoryAsync(story, plan.Language, notes, ct).ConfigureAwait(false);
                if (summary is not null)
                {
                    summaries[story.Key] = summary;
                }
                else
                {
                    var text = ExtractiveDigestSummarizer.StoryText(story, digestOptions.SummarySentences);
                    if (text.Length > 0)
                    {
                        summaries[story.Key] = new StorySummary(text);
                    }
                }
            }).ConfigureAwait(false);

        var recap = await RecapAsync(plan, summaries, digestOptions, notes, cancellationToken).ConfigureAwait(false);
        if (recap.Count == 0)
        {
            notes.Enqueue("Recap: the model gave no claim with a valid link; the recap is TextRank's.");
            recap = [.. ExtractiveDigestSummarizer.Summarize(plan, digestOptions).Recap];
        }

        return new DigestSummaries(summaries, recap, Name, [.. notes.Order(StringComparer.Ordinal)]);
    }

    private async Task<StorySummary?> SummarizeStoryAsync(PlannedStory story, string language, ConcurrentQueue<string> notes, CancellationToken ct)
    {
        var sources = story.Items.Where(i => i.Url is not null).DistinctBy(i => i.Url!.AbsoluteUri).ToList();
        if (sources.Count == 0)
        {
            return null;
        }

        var prompt = new StringBuilder();
        prompt.Append("Story: ").Append(story.Title).Append('\n');
        for (var i = 0; i < sources.Count; i++)
        {
            var item = sources[i];
            prompt.Append(CultureInfo.InvariantCulture, $"\n[{i + 1}] {item.SourceName}: {item.Title}\n{item.Url!.AbsoluteUri}\n");
            if (!string.IsNullOrWhiteSpace(item.Text))
            {
                prompt.Append(item.Text.Length > options.MaxItemChars ? item.Text[..options.MaxItemChars] : item.Text).Append('\n');
            }
        }

        var system =
            $"You summarise AI news items for a daily digest. Write in {DigestLanguages.Name(language)}. " +
            "Use only facts stated in the numbered sources; state facts, not opinions. Answer with one JSON object and nothing else: " +
            "{\"title\": \"the story's headline in " + DigestLanguages.Name(language) + "\", \"summary\": \"one or two sentences\", " +
            "\"sources\": [the numbers of the sources the summary rests on]}. Do not write links.";
        var answer = await AskAsync(system, prompt.ToString(), $"Story {story.Key.ToString(CultureInfo.InvariantCulture)}", notes, ct).ConfigureAwait(false);
        if (answer is not { } json)
        {
            return null;
        }

        var summary = ModelAnswer.String(json, "summary");
        var cited = ModelAnswer.Sources(json);
        var inputs = sources.Select(s => s.Url!.AbsoluteUri).ToHashSet(StringComparer.Ordinal);
        var problem = string.IsNullOrWhiteSpace(summary) ? "no summary"
            : cited.Count == 0 ? "no source cited"
            : cited.Where(n => n < 1 || n > sources.Count).Select(n => (int?)n).FirstOrDefault() is int bad ? $"cites [{bad.ToString(CultureInfo.InvariantCulture)}], not one of its {sources.Count.ToString(CultureInfo.InvariantCulture)} sources"
            : ModelAnswer.Links(summary!).FirstOrDefault(l => !inputs.Contains(l)) is { } foreign ? $"writes the address {foreign}, which is not one of its sources"
            : null;
        if (problem is not null)
        {
            notes.Enqueue($"Story {story.Key.ToString(CultureInfo.InvariantCulture)} ({story.Title}): the model's summary was refused ({problem}); TextRank's is shown.");
            return null;
        }

        return new StorySummary(summary!, ModelAnswer.String(json, "title"));
    }

    private async Task<List<RecapClaim>> RecapAsync(
        DigestPlan plan, IReadOnlyDictionary<long, StorySummary> summaries, DigestOptions digestOptions, ConcurrentQueue<string> notes, CancellationToken ct)
    {
        var top = plan.Stories.Where(s => s.Links.Count > 0).Take(Math.Max(1, options.RecapStories)).ToList();
        if (top.Count == 0)
        {
            return [];
        }

        var prompt = new StringBuilder("The top stories, numbered:\n");
        for (var i = 0; i < top.Count; i++)
        {
            var summary = summaries.TryGetValue(top[i].Key, out var s) ? s.Text : "";
            prompt.Append(CultureInfo.InvariantCulture, $"\n[{i + 1}] {top[i].Title}\n{summary}\n");
        }

        var system =
            $"You write the recap on top of a daily AI news digest, in {DigestLanguages.Name(plan.Language)}: at most {digestOptions.RecapClaims.ToString(CultureInfo.InvariantCulture)} short sentences " +
            "about the most important stories, each resting only on the numbered stories it cites. Answer with one JSON object and nothing else: " +
            "{\"claims\": [{\"text\": \"one sentence\", \"sources\": [numbers of the stories it is about]}]}. Do not write links.";
        if (await AskAsync(system, prompt.ToString(), "Recap", notes, ct).ConfigureAwait(false) is not { } json
            || !json.TryGetProperty("claims", out var claims) || claims.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return [];
        }

        var inputs = top.SelectMany(s => s.Links).Select(l => l.Url).ToHashSet(StringComparer.Ordinal);
        var kept = new List<RecapClaim>();
        var index = 0;
        foreach (var claim in claims.EnumerateArray())
        {
            index++;
            var text = claim.ValueKind == System.Text.Json.JsonValueKind.Object ? ModelAnswer.String(claim, "text") : null;
            var cited = claim.ValueKind == System.Text.Json.JsonValueKind.Object ? ModelAnswer.Sources(claim) : [];
            var problem = string.IsNullOrWhiteSpace(text) ? "no text"
                : cited.Count == 0 ? "no source cited"
                : cited.Where(n => n < 1 || n > top.Count).Select(n => (int?)n).FirstOrDefault() is int bad ? $"cites [{bad.ToString(CultureInfo.InvariantCulture)}], not one of the {top.Count.ToString(CultureInfo.InvariantCulture)} stories"
                : ModelAnswer.Links(text!).FirstOrDefault(l => !inputs.Contains(l)) is { } foreign ? $"writes the address {foreign}, which is not one of its sources"
                : null;
            if (problem is not null)
            {
                notes.Enqueue($"Recap claim {index.ToString(CultureInfo.InvariantCulture)} dropped ({problem}): {text}");
                continue;
            }

            if (kept.Count < digestOptions.RecapClaims)
            {
                kept.Add(new RecapClaim(text!, [.. cited.Distinct().Select(n => top[n - 1].Links[0])]));
            }
        }

        return kept;
    }

    /// <summary>One streamed request (the answer assembled), parsed as JSON; null (with a note) when it fails or is not JSON.</summary>
    private async Task<System.Text.Json.JsonElement?> AskAsync(string system, string user, string what, ConcurrentQueue<string> notes, CancellationToken ct)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, system), new(ChatRole.User, user) };
        var chat = new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Temperature = 0.2f };
        string text;
        try
        {
            // Streamed: every provider the arena speaks to streams, and a long answer is not cut by a response timeout.
            var response = await client.GetStreamingResponseAsync(messages, chat, ct).ToChatResponseAsync(ct).ConfigureAwait(false);
            text = response.Text;
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            notes.Enqueue($"{what}: the model failed ({error.GetType().Name}: {error.Message}); TextRank is used instead.");
            return null;
        }

        var json = ModelAnswer.Object(text);
        if (json is null)
        {
            notes.Enqueue($"{what}: the model's answer is not a JSON object; TextRank is used instead.");
        }

        return json;
    }
}
