using Modelwatch.Core.News;

namespace Modelwatch.Data.News.Store;

/// <summary>A source to add: its address already built (typed sources build it from their parameter first).</summary>
/// <param name="Name">What the user calls it.</param>
/// <param name="Kind">The source type.</param>
/// <param name="Url">The address fetched.</param>
/// <param name="Parameter">The typed source's parameter.</param>
/// <param name="Folder">The OPML folder path ("AI/Labs").</param>
/// <param name="SiteUrl">The site's address.</param>
/// <param name="MinPoints">Hacker News points threshold.</param>
public sealed record NewsSourceInput(string Name, NewsSourceKind Kind, Uri Url, string? Parameter = null, string? Folder = null, Uri? SiteUrl = null, int? MinPoints = null);

/// <summary>What adding several sources did.</summary>
/// <param name="Added">The new sources.</param>
/// <param name="AlreadyPresent">Addresses that were already sources (left as they were).</param>
public sealed record NewsSourcesAdded(IReadOnlyList<NewsSource> Added, IReadOnlyList<string> AlreadyPresent);
