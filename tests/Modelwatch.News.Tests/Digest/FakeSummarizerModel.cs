using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Providers;
using Modelwatch.Testing.Providers;

namespace Modelwatch.News.Tests.Digest;

/// <summary>
/// The fake OpenAI-compatible server answering as a summariser would: a story prompt gets a JSON summary in Korean
/// citing its first source; the recap prompt gets one valid claim per story plus three a digest must refuse (a number
/// it was not given, an address that is not an input, no source at all). Headlines whose title contains
/// <see cref="BadCitation"/> get an answer citing a source number out of range. Answers stream in small pieces.
/// </summary>
internal static partial class FakeSummarizerModel
{
    public const string BadCitation = "[cite-out-of-range]";
    public const string ForeignLink = "https://not-an-input.example/made-up";
    public const string Model = "fake-small";

    /// <summary>The registry the app would build for one OpenAI-compatible provider named "fake" at the server.</summary>
    public static ProviderRegistry Registry(FakeOpenAiServer server)
    {
        var options = new ProviderOptions { Name = "fake", BaseUrl = server.BaseUrl, MaxRetries = 0, Models = [Model] };
        var services = new ServiceCollection().AddModelwatchProviders([options], _ => null).BuildServiceProvider();
        return services.GetRequiredService<ProviderRegistry>();
    }

    public static IChatClient Client(FakeOpenAiServer server) => Registry(server).GetChatClient("fake", Model)!;

    public static IReadOnlyList<string> Answer(FakeChatRequest request)
    {
        var system = request.Messages.FirstOrDefault(m => m.Role == "system")?.Text ?? "";
        var user = request.LastUserText;
        string json;
        if (system.Contains("recap", StringComparison.Ordinal))
        {
            var stories = Numbers().Matches(user).Count;
            var claims = Enumerable.Range(1, stories).Select(n => (object)new { text = $"주요 소식 {n}번입니다.", sources = new[] { n } }).ToList();
            claims.Add(new { text = "출처 없는 주장입니다.", sources = new[] { stories + 5 } });
            claims.Add(new { text = $"자세한 내용은 {ForeignLink} 에 있습니다.", sources = new[] { 1 } });
            claims.Add(new { text = "근거 없는 주장입니다.", sources = Array.Empty<int>() });
            json = JsonSerializer.Serialize(new { claims });
        }
        else
        {
            var title = user.Split('\n')[0]["Story: ".Length..];
            var sources = title.Contains(BadCitation, StringComparison.Ordinal) ? new[] { 7 } : [1];
            json = JsonSerializer.Serialize(new { title = "번역: " + title, summary = $"{title}에 대한 요약입니다.", sources });
        }

        // Fenced, as models often answer, and in pieces, as streams arrive.
        var text = "```json\n" + json + "\n```";
        return [.. text.Chunk(7).Select(c => new string(c))];
    }

    [GeneratedRegex(@"^\[\d+\]", RegexOptions.Multiline)]
    private static partial Regex Numbers();
}
