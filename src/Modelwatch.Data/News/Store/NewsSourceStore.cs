using Microsoft.EntityFrameworkCore;

namespace Modelwatch.Data.News.Store;

/// <summary>Adds, lists and removes news sources; one address is one source.</summary>
/// <param name="db">The context; the caller owns it.</param>
/// <param name="time">Clock for the creation time.</param>
public sealed class NewsSourceStore(ModelwatchDbContext db, TimeProvider time)
{
    /// <summary>Adds every input whose address is not a source yet, in one transaction; the rest are reported, not changed.</summary>
    /// <param name="inputs">The sources to add.</param>
    /// <param name="ct">Cancels the write (nothing is kept).</param>
    public async Task<NewsSourcesAdded> AddAsync(IEnumerable<NewsSourceInput> inputs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var list = inputs.ToList();
        foreach (var input in list)
        {
            Validate(input);
        }

        var now = time.GetUtcNow();
        var transaction = await db.Database.BeginWriteAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var urls = list.Select(i => i.Url.AbsoluteUri).Distinct(StringComparer.Ordinal).ToList();
            var present = (await db.NewsSources.Where(s => urls.Contains(s.Url)).Select(s => s.Url).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var skipped = new List<string>();
            var added = new List<NewsSource>();
            foreach (var input in list)
            {
                var url = input.Url.AbsoluteUri;
                if (!present.Add(url))
                {
                    skipped.Add(url);
                    continue;
                }

                added.Add(new NewsSource
                {
                    Name = NewsKeys.Clip(input.Name.Trim(), NewsSource.MaxNameLength)!,
                    Kind = input.Kind,
                    Url = url,
                    Parameter = input.Parameter,
                    Folder = string.IsNullOrWhiteSpace(input.Folder) ? null : input.Folder.Trim('/'),
                    SiteUrl = NewsKeys.FittingUrl(input.SiteUrl, NewsSource.MaxUrlLength),
                    MinPoints = input.MinPoints,
                    Status = NewsSourceStatus.New,
                    CreatedAt = now,
                });
            }

            db.NewsSources.AddRange(added);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return new NewsSourcesAdded(added, skipped);
        }
    }

    /// <summary>Removes a source with its items and fetch history; false when there is none.</summary>
    /// <param name="id">The source.</param>
    /// <param name="ct">Cancels the delete.</param>
    public async Task<bool> RemoveAsync(int id, CancellationToken ct = default) =>
        await db.NewsSources.Where(s => s.Id == id).ExecuteDeleteAsync(ct).ConfigureAwait(false) == 1;

    private static void Validate(NewsSourceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            throw new ArgumentException($"The source {input.Url} needs a name.", nameof(input));
        }

        if (!input.Url.IsAbsoluteUri || input.Url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The source \"{input.Name}\" has the address {input.Url}; expected an absolute http or https address.", nameof(input));
        }

        if (input.Url.AbsoluteUri.Length > NewsSource.MaxUrlLength)
        {
            throw new ArgumentException($"The address of \"{input.Name}\" is {input.Url.AbsoluteUri.Length} characters; at most {NewsSource.MaxUrlLength} are kept.", nameof(input));
        }

        if (input.Folder is { Length: > NewsSource.MaxFolderLength })
        {
            throw new ArgumentException($"The folder of \"{input.Name}\" is longer than {NewsSource.MaxFolderLength} characters.", nameof(input));
        }
    }
}
