using Microsoft.EntityFrameworkCore;
using Modelwatch.Data;
using Modelwatch.Data.News;

namespace Modelwatch.Web.Features.News;

/// <summary>
/// The first-start offer of the default AI sources: shown while there are no sources and nobody has answered it
/// (answered = a setting in the database, so every instance agrees). The person picks which to add; declining is an answer too.
/// </summary>
public static class NewsDefaultsOffer
{
    /// <summary>The setting that records the answer.</summary>
    public const string SettingKey = "news.defaults-offered";

    public static async Task<bool> ShouldOfferAsync(ModelwatchDbContext db, CancellationToken ct) =>
        !await db.NewsSources.AnyAsync(ct) && !await db.NewsSettings.AnyAsync(s => s.Key == SettingKey, ct);

    public static async Task AnswerAsync(ModelwatchDbContext db, string answer, CancellationToken ct)
    {
        var setting = await db.NewsSettings.FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (setting is null)
        {
            db.NewsSettings.Add(new NewsSetting { Key = SettingKey, Value = answer });
        }
        else
        {
            setting.Value = answer;
        }

        await db.SaveChangesAsync(ct);
    }
}
