using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Modelwatch.Core.News.Summaries;
using Modelwatch.Testing;

namespace Modelwatch.Core.Tests.News.Summaries;

public sealed partial class ExtractiveSummaryTests
{
    [Fact]
    public void Summaries_of_real_arxiv_abstracts_are_their_own_sentences_in_order()
    {
        var path = SharedData.File("data/feeds/arxiv__gbrammer_jwst_api_feed.xml");
        var abstracts = XDocument.Load(path).Descendants("item").Select(i => PlainText((string?)i.Element("description") ?? "")).ToList();
        Assert.True(abstracts.Count >= 100, $"{abstracts.Count} items");

        var summarised = 0;
        foreach (var text in abstracts)
        {
            var all = SentenceSplitter.Split(text);
            var summary = ExtractiveSummary.Of(text, 2);
            if (all.Count == 0)
            {
                Assert.Empty(summary.Sentences);
                continue;
            }

            Assert.NotEqual(TextRankExit.MaxIterations, summary.Ranking.ExitReason);
            Assert.InRange(summary.Sentences.Count, 1, 2);
            var positions = summary.Sentences.Select(s => all.ToList().IndexOf(s)).ToList();
            Assert.All(positions, p => Assert.True(p >= 0));
            Assert.Equal(positions.Order(), positions);
            summarised++;
        }

        Assert.True(summarised >= 100);
    }

    [Fact]
    public void The_chosen_sentences_are_the_best_ranked()
    {
        const string Text = "The weather today is fine everywhere. Qwen released open weights for a new coding model. " +
            "The coding model beats earlier Qwen releases on coding benchmarks. Open weights mean anyone can run the coding model.";
        var summary = ExtractiveSummary.Of(Text, 1);
        var sentences = SentenceSplitter.Split(Text);
        var best = summary.Ranking.Order()[0];
        Assert.Equal([sentences[best]], summary.Sentences);
        Assert.NotEqual(sentences[0], summary.Sentences[0]);
    }

    private static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(WebUtility.HtmlDecode(html), " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
