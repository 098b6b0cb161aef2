using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Modelwatch.Web.Features.Shared.Plots;

/// <summary>
/// Rendered plots, kept by what they were drawn from: a leaderboard's plots change only when its board, filter,
/// catalog version or language does, and drawing them (hundreds of marks, hundreds of heat-map cells) is most of a
/// page's work. Bounded: at most <see cref="Entries"/> plots are kept, the least used go first.
/// </summary>
public sealed class PlotCache : IDisposable
{
    /// <summary>How many rendered plots are kept.</summary>
    public const int Entries = 400;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Entries });

    /// <summary>The plot drawn for <paramref name="key"/>, drawing it with <paramref name="render"/> the first time.</summary>
    /// <param name="key">Everything the plot depends on.</param>
    /// <param name="render">Draws the plot.</param>
    public HtmlString Get(string key, Func<HtmlString> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        return _cache.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return render();
        })!;
    }

    public void Dispose() => _cache.Dispose();
}
