using Modelwatch.Core.News;

namespace Modelwatch.News.Feeds;

/// <summary>A feed's bytes as text, with the encoding chosen (web name) and what was noticed choosing it.</summary>
public sealed record DecodedFeedText(string Text, string Encoding, IReadOnlyList<FeedProblem> Problems);
