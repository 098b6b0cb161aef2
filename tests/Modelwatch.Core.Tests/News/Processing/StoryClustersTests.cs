using Modelwatch.Core.News.Processing;

namespace Modelwatch.Core.Tests.News.Processing;

public sealed class StoryClustersTests
{
    private static readonly DateTimeOffset T0 = new(2025, 8, 5, 17, 0, 0, TimeSpan.Zero);

    private static NewsArticle A(long id, int source, string title, string text, double hours = 0, params string[] entities) =>
        new(id, source, title, new Uri($"https://s{source}.example/{id}"), text, T0.AddHours(hours), entities);

    // Unrelated background so that document frequencies look like a real window, not three items.
    private static readonly string[] Background =
    [
        "Quarterly results of a chip maker beat expectations as data centre revenue doubles",
        "A court rules on a copyright lawsuit brought by authors against a publisher",
        "New text-to-speech voices arrive for an assistant in twelve languages",
        "Robotics startup shows a humanoid that folds laundry in a demo video",
        "Researchers measure the energy use of training runs across cloud regions",
        "City council debates rules for delivery drones over residential streets",
        "Browser vendor adds on-device translation for web pages",
        "Open dataset of chest X-rays released for medical imaging research",
    ];

    private static NewsIndex WithBackground()
    {
        var index = new NewsIndex();
        for (var i = 0; i < Background.Length; i++)
        {
            index.Add(new NewsArticle(1000 + i, 50 + i, Background[i], null, Background[i] + ". " + Background[(i + 3) % Background.Length], T0.AddHours(-10 + i)));
        }

        return index;
    }

    [Fact]
    public void Two_reports_of_one_release_in_different_words_form_one_story_and_an_unrelated_item_does_not_join()
    {
        var index = WithBackground();
        var lab = index.Add(A(1, 1, "Introducing gpt-oss",
            "We are releasing gpt-oss-120b and gpt-oss-20b, two open-weight reasoning models under the Apache 2.0 license, optimized for tool use and efficient deployment on consumer hardware."));
        var press = index.Add(A(2, 2, "OpenAI puts out its first open-weight models since GPT-2",
            "OpenAI released gpt-oss-120b and gpt-oss-20b on Tuesday, open-weight reasoning models under Apache 2.0 that run on a single GPU or a laptop.", 3));
        var other = index.Add(A(3, 3, "Court rules on drone deliveries",
            "A federal court ruled that delivery drones may not fly over residential streets without a permit from the city council.", 4));

        Assert.Null(press.DuplicateOf);
        Assert.Equal(lab.StoryKey, press.StoryKey);
        Assert.Equal(3, other.StoryKey);
    }

    [Fact]
    public void The_same_story_text_after_the_window_starts_a_new_story()
    {
        var index = WithBackground();
        const string text = "Anthropic released Claude Opus 4.1, an upgrade to Claude Opus 4 on agentic tasks, real-world coding and reasoning.";
        var first = index.Add(A(1, 1, "Claude Opus 4.1", text));
        var late = index.Add(A(2, 2, "Anthropic upgrades Opus for coding", text, NewsIndex.Window.TotalHours + 1));
        Assert.NotEqual(first.StoryKey, late.StoryKey);
        Assert.Equal(2, late.StoryKey);
    }

    [Fact]
    public void Shared_catalog_entities_count_towards_similarity()
    {
        var plain = WithBackground();
        var linked = WithBackground();
        var a = A(1, 1, "A faster checkpoint for laptops", "The quantized update trims memory use and speeds up generation on laptops.", 0);
        var b = A(2, 2, "Smaller quantized download, same quality", "The quantized files halve the download for laptops and keep answers as good.", 1);
        string[] entities = ["qwen3-8b", "Alibaba"];
        plain.Add(a);
        linked.Add(a with { EntityIds = entities });
        var plainSimilarity = Sim(a, b);
        var linkedSimilarity = Sim(a with { EntityIds = entities }, b with { EntityIds = entities });
        Assert.InRange(plainSimilarity, 0.01, StoryClusters.JoinThreshold - 0.01);
        Assert.InRange(linkedSimilarity, StoryClusters.JoinThreshold, 1);
        var without = plain.Add(b);
        var with = linked.Add(b with { EntityIds = entities });
        Assert.Equal(2, without.StoryKey);
        Assert.Equal(1, with.StoryKey);
    }

    /// <summary>The average-linkage similarity of b to the story a starts, over the same background.</summary>
    private static double Sim(NewsArticle a, NewsArticle b)
    {
        var c = new StoryClusters();
        for (var i = 0; i < Background.Length; i++)
        {
            c.Assign(new NewsArticle(1000 + i, 50 + i, Background[i], null, Background[i] + ". " + Background[(i + 3) % Background.Length], T0.AddHours(-10 + i)));
        }

        c.Assign(a);
        return c.Similarity(b, a.Id);
    }

    [Fact]
    public void Average_linkage_keeps_a_hub_from_chaining_unrelated_stories()
    {
        // Story A has three items about a model release; a weekly round-up mentions it and a chip export rule; an item about
        // the export rule is close to the round-up only. Single linkage would put it in story A through the round-up.
        var index = WithBackground();
        var release = index.Add(A(1, 1, "Qwen3 Coder released",
            "Alibaba released Qwen3 Coder, an open agentic coding model with a 256k context that tops open models on SWE-bench Verified."));
        index.Add(A(2, 2, "Alibaba's Qwen3 Coder tops SWE-bench among open models",
            "Qwen3 Coder, released by Alibaba as an open agentic coding model, leads open models on SWE-bench Verified with a 256k context.", 1));
        index.Add(A(3, 3, "Qwen3 Coder: open agentic coding with 256k context",
            "The open Qwen3 Coder model from Alibaba brings agentic coding, a 256k context and top SWE-bench Verified scores among open models.", 2));
        var hub = index.Add(A(4, 4, "This week: Qwen3 Coder and new chip export rules",
            "Qwen3 Coder leads open models on SWE-bench; the commerce department tightened chip export rules for accelerators shipped to data centres abroad.", 3));
        var export = index.Add(A(5, 5, "Commerce department tightens chip export rules",
            "The commerce department tightened export rules for accelerators shipped to data centres abroad, requiring licences for large orders.", 4));

        Assert.Equal(release.StoryKey, index.Add(A(6, 6, "Qwen3 Coder now on more clouds",
            "Alibaba's open agentic coding model Qwen3 Coder with its 256k context and SWE-bench Verified lead is now served by more clouds.", 5)).StoryKey);
        Assert.NotEqual(release.StoryKey, export.StoryKey);
        Assert.Equal(release.StoryKey, hub.StoryKey);

        // Single linkage would have chained it: the export item alone is close enough to the round-up alone.
        var single = new StoryClusters();
        var roundUp = A(4, 4, "This week: Qwen3 Coder and new chip export rules",
            "Qwen3 Coder leads open models on SWE-bench; the commerce department tightened chip export rules for accelerators shipped to data centres abroad.", 3);
        foreach (var b in Background)
        {
            single.Assign(new NewsArticle(2000 + Array.IndexOf(Background, b), 60, b, null, b, T0.AddHours(-5)));
        }

        single.Assign(roundUp);
        Assert.InRange(single.Similarity(A(5, 5, "Commerce department tightens chip export rules",
            "The commerce department tightened export rules for accelerators shipped to data centres abroad, requiring licences for large orders.", 4), roundUp.Id), StoryClusters.JoinThreshold, 1);
    }
}
