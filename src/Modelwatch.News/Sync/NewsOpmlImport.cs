using Microsoft.EntityFrameworkCore;
using Modelwatch.Core.News;
using Modelwatch.Data;
using Modelwatch.Data.News.Store;
using Modelwatch.News.Sources;

namespace Modelwatch.News.Sync;

/// <summary>OPML in and out of the sources table, folders kept (a source's folder is the OPML outline path).</summary>
public static class NewsOpmlImport
{
    /// <summary>Reads <paramref name="bytes"/> (named <paramref name="fileName"/> in errors) and adds its feeds; nothing is stored when it cannot be read.</summary>
    public static async Task<NewsSourcesAdded> ImportAsync(ModelwatchDbContext db, TimeProvider time, byte[] bytes, string fileName, CancellationToken ct)
    {
        var document = Opml.Read(bytes, fileName);
        var inputs = document.Feeds.Select(f => new NewsSourceInput(f.Title, NewsSourceKind.Feed, f.XmlUrl, null, f.Folder, f.HtmlUrl)).ToList();
        return await new NewsSourceStore(db, time).AddAsync(inputs, ct).ConfigureAwait(false);
    }

    /// <summary>Every source as OPML 2.0, nested by folder.</summary>
    public static async Task<string> ExportAsync(ModelwatchDbContext db, string title, CancellationToken ct)
    {
        var sources = await db.NewsSources.AsNoTracking().OrderBy(s => s.Folder).ThenBy(s => s.Name).ToListAsync(ct).ConfigureAwait(false);
        var feeds = sources.Select(s => new OpmlFeed(s.Name, new Uri(s.Url), s.SiteUrl is null ? null : new Uri(s.SiteUrl), s.Folder)).ToList();
        return Opml.Write(title, feeds);
    }
}
