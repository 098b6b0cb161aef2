using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modelwatch.Data.News;

/// <summary>Column lengths shared by the news tables (PostgreSQL enforces them; SQLite does not).</summary>
internal static class NewsColumnLengths
{
    public const int Enum = 32;
}

internal sealed class NewsSourceConfiguration : IEntityTypeConfiguration<NewsSource>
{
    public void Configure(EntityTypeBuilder<NewsSource> builder)
    {
        builder.ToTable("NewsSources");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(NewsSource.MaxNameLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(NewsColumnLengths.Enum);
        builder.Property(s => s.Url).HasMaxLength(NewsSource.MaxUrlLength);
        builder.HasIndex(s => s.Url).IsUnique();
        builder.Property(s => s.Parameter).HasMaxLength(NewsSource.MaxParameterLength);
        builder.Property(s => s.Folder).HasMaxLength(NewsSource.MaxFolderLength);
        builder.Property(s => s.SiteUrl).HasMaxLength(NewsSource.MaxUrlLength);
        builder.Property(s => s.ETag).HasMaxLength(NewsSource.MaxValidatorLength);
        builder.Property(s => s.LastModified).HasMaxLength(NewsSource.MaxValidatorLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(NewsColumnLengths.Enum);
        builder.Property(s => s.LastError).HasMaxLength(NewsSource.MaxErrorLength);
        builder.Property(s => s.LeaseOwner).HasMaxLength(NewsSource.MaxLeaseOwnerLength);
        builder.HasIndex(s => s.NextFetchAt);
    }
}

internal sealed class NewsFetchLogConfiguration : IEntityTypeConfiguration<NewsFetchLog>
{
    public void Configure(EntityTypeBuilder<NewsFetchLog> builder)
    {
        builder.ToTable("NewsFetchLogs");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(NewsColumnLengths.Enum);
        builder.Property(l => l.Encoding).HasMaxLength(NewsFetchLog.MaxEncodingLength);
        builder.Property(l => l.Error).HasMaxLength(NewsFetchLog.MaxErrorLength);
        builder.HasOne<NewsSource>().WithMany().HasForeignKey(l => l.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.SourceId, l.StartedAt });
    }
}

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        builder.ToTable("NewsItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ItemKey).HasMaxLength(NewsItem.KeyLength);
        builder.HasIndex(i => new { i.SourceId, i.ItemKey }).IsUnique();
        builder.Property(i => i.ExternalId).HasMaxLength(NewsItem.MaxExternalIdLength);
        builder.Property(i => i.Title).HasMaxLength(NewsItem.MaxTitleLength);
        builder.Property(i => i.Url).HasMaxLength(NewsItem.MaxUrlLength);
        builder.Property(i => i.CanonicalUrl).HasMaxLength(NewsItem.MaxUrlLength);
        builder.Property(i => i.UrlKey).HasMaxLength(NewsItem.KeyLength);
        builder.HasIndex(i => i.UrlKey);
        builder.Property(i => i.TitleKey).HasMaxLength(NewsItem.KeyLength);
        builder.HasIndex(i => i.TitleKey);
        builder.Property(i => i.Author).HasMaxLength(NewsItem.MaxAuthorLength);
        builder.Property(i => i.Language).HasMaxLength(NewsItem.MaxLanguageLength);
        builder.Property(i => i.CommentsUrl).HasMaxLength(NewsItem.MaxUrlLength);
        builder.Property(i => i.DuplicateReason).HasConversion<string>().HasMaxLength(NewsColumnLengths.Enum);
        builder.HasIndex(i => i.PublishedAt);
        builder.HasIndex(i => i.StoryId);
        builder.HasOne<NewsSource>().WithMany().HasForeignKey(i => i.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NewsStory>().WithMany().HasForeignKey(i => i.StoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<NewsItem>().WithMany().HasForeignKey(i => i.DuplicateOfId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NewsItemEntityConfiguration : IEntityTypeConfiguration<NewsItemEntity>
{
    public void Configure(EntityTypeBuilder<NewsItemEntity> builder)
    {
        builder.ToTable("NewsItemEntities");
        builder.HasKey(e => new { e.ItemId, e.Kind, e.EntityId });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(NewsColumnLengths.Enum);
        builder.Property(e => e.EntityId).HasMaxLength(NewsItemEntity.MaxEntityIdLength);
        builder.Property(e => e.Mention).HasMaxLength(NewsItemEntity.MaxMentionLength);
        builder.HasIndex(e => new { e.Kind, e.EntityId });
        builder.HasOne<NewsItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewsStoryConfiguration : IEntityTypeConfiguration<NewsStory>
{
    public void Configure(EntityTypeBuilder<NewsStory> builder)
    {
        builder.ToTable("NewsStories");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(NewsStory.MaxTitleLength);
        builder.HasIndex(s => s.LastSeenAt);
    }
}

internal sealed class NewsRuleConfiguration : IEntityTypeConfiguration<NewsRule>
{
    public void Configure(EntityTypeBuilder<NewsRule> builder)
    {
        builder.ToTable("NewsRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Pattern).HasMaxLength(NewsRule.MaxPatternLength);
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(NewsColumnLengths.Enum);
        builder.HasOne<NewsSource>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewsDigestConfiguration : IEntityTypeConfiguration<NewsDigest>
{
    public void Configure(EntityTypeBuilder<NewsDigest> builder)
    {
        builder.ToTable("NewsDigests");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Language).HasMaxLength(NewsDigest.MaxLanguageLength);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(NewsColumnLengths.Enum);
        builder.Property(d => d.Title).HasMaxLength(NewsDigest.MaxTitleLength);
        builder.Property(d => d.SummarizedBy).HasMaxLength(NewsDigest.MaxSummarizerLength);
        builder.HasIndex(d => new { d.Status, d.WindowStart });
    }
}

internal sealed class NewsSettingConfiguration : IEntityTypeConfiguration<NewsSetting>
{
    public void Configure(EntityTypeBuilder<NewsSetting> builder)
    {
        builder.ToTable("NewsSettings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(NewsSetting.MaxKeyLength);
    }
}
