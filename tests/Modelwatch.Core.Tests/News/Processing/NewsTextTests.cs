using System.Text;
using Modelwatch.Core.News.Processing;

namespace Modelwatch.Core.Tests.News.Processing;

public sealed class NewsTextTests
{
    [Theory]
    [InlineData("Introducing GPT-4o!", "introducing  gpt 4o")]
    [InlineData("  Claude 3.5 Sonnet — now available ", "CLAUDE 3 5 SONNET NOW AVAILABLE")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ ＧＰＴ", "fullwidth gpt")]
    public void Titles_that_differ_in_case_punctuation_and_width_normalise_alike(string a, string b) =>
        Assert.Equal(NewsText.NormalizeTitle(a), NewsText.NormalizeTitle(b));

    [Fact]
    public void Different_words_stay_different()
    {
        Assert.NotEqual(NewsText.NormalizeTitle("GPT-4o"), NewsText.NormalizeTitle("GPT-4o mini"));
        Assert.NotEqual(NewsText.NormalizeTitle("Llama 3.1"), NewsText.NormalizeTitle("Llama 31"));
    }

    [Fact]
    public void Key_is_the_sha256_of_the_utf8_text_in_lower_case_hex()
    {
        // FIPS 180-2 test vector: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", NewsText.Key("abc"));
        var key = NewsText.Key(NewsText.NormalizeTitle("Mistral Large 2"));
        Assert.Equal(64, key.Length);
        Assert.All(key, c => Assert.True(c is >= '0' and <= '9' or >= 'a' and <= 'f'));
        Assert.NotEqual(key, NewsText.Key(NewsText.NormalizeTitle("Mistral Large 3")));
        Assert.Equal(NewsText.Key("한국어 제목"), NewsText.Key(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes("한국어 제목"))));
    }

    [Theory]
    [InlineData("the", false)]
    [InlineData("ai", false)]
    [InlineData("introducing", false)]
    [InlineData("o1", true)]
    [InlineData("4o", true)]
    [InlineData("llama", true)]
    [InlineData("模", true)]
    public void Significant_words(string word, bool significant) =>
        Assert.Equal(significant, NewsText.IsSignificant(word));

    [Fact]
    public void Significant_words_of_a_title_are_distinct_and_normalised()
    {
        var words = NewsText.SignificantWords("Introducing the Llama 3 herd of models: Llama, Llama!");
        Assert.Equal(new[] { "herd", "llama", "models" }, words.Order(StringComparer.Ordinal));
    }
}
