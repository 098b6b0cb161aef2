using Modelwatch.Core.News.Summaries;

namespace Modelwatch.Core.Tests.News.Summaries;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Latin_sentences_end_at_terminators_followed_by_space()
    {
        var sentences = SentenceSplitter.Split("GPT-4.5 scores 3.5 points higher. Is it better? Yes! See arxiv.org for details.");
        Assert.Equal(["GPT-4.5 scores 3.5 points higher.", "Is it better?", "Yes!", "See arxiv.org for details."], sentences);
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_end_sentences()
    {
        var sentences = SentenceSplitter.Split("Models, e.g. Llama and Qwen, were tested by J. Smith et al. in 2025. A second sentence follows.");
        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("Models, e.g. Llama", sentences[0], StringComparison.Ordinal);
        Assert.Equal("A second sentence follows.", sentences[1]);
    }

    [Fact]
    public void Japanese_and_Chinese_split_without_spaces()
    {
        Assert.Equal(["今日は新しいモデルが公開されました。", "性能は前のモデルより高いです！", "試しましたか？"],
            SentenceSplitter.Split("今日は新しいモデルが公開されました。性能は前のモデルより高いです！試しましたか？"));
        Assert.Equal(["我们发布了新模型。", "它更快？", "是的。"], SentenceSplitter.Split("我们发布了新模型。它更快？是的。"));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        Assert.Equal(["「新しいモデルです。」", "次の文。"], SentenceSplitter.Split("「新しいモデルです。」次の文。"));
        Assert.Equal(["He said \"it works.\"", "Then he left."], SentenceSplitter.Split("He said \"it works.\" Then he left."));
    }

    [Fact]
    public void Korean_uses_latin_punctuation_with_spaces()
    {
        Assert.Equal(["새 모델이 공개되었습니다.", "성능이 좋아졌나요?", "네, 3.5배 빨라졌습니다."],
            SentenceSplitter.Split("새 모델이 공개되었습니다. 성능이 좋아졌나요? 네, 3.5배 빨라졌습니다."));
    }

    [Fact]
    public void Urdu_full_stop_and_line_breaks_end_sentences()
    {
        Assert.Equal(["پہلا جملہ۔", "دوسرا جملہ؟", "Heading", "Body text."], SentenceSplitter.Split("پہلا جملہ۔ دوسرا جملہ؟\nHeading\nBody text."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("... !!")]
    public void Nothing_to_split_gives_no_sentences(string? text) => Assert.Empty(SentenceSplitter.Split(text));

    [Fact]
    public void Hangul_and_kana_share_character_pairs()
    {
        var a = SentenceTokens.Of("모델이 공개되었다");
        var b = SentenceTokens.Of("모델을 테스트했다");
        Assert.Contains("모델", a);
        Assert.Contains("모델", b);
        Assert.Contains("モデ", SentenceTokens.Of("新しいモデル"));
        Assert.DoesNotContain("the", SentenceTokens.Of("The model is open"));
        Assert.Contains("model", SentenceTokens.Of("The model is open"));
    }
}
