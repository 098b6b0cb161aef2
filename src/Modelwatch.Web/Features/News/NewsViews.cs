using Modelwatch.Core.News;

namespace Modelwatch.Web.Features.News;

/// <summary>One story in the list.</summary>
public sealed record StoryRow(long Id, string Title, string? Url, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, int ItemCount, int SourceCount, NewsTags Tags, double Importance, bool Muted);

/// <summary>A page of stories with the total that matched.</summary>
public sealed record StoryListPage(int Page, int PageSize, int Total, IReadOnlyList<StoryRow> Rows);

/// <summary>One item of a story (or of a model's news).</summary>
public sealed record StoryItem(
    long Id, int SourceId, string SourceName, string Title, string? Url, DateTimeOffset PublishedAt, string? Summary,
    long? DuplicateOf, string? DuplicateReason, bool Muted, int? Points, int? Comments, string? CommentsUrl, long? StoryId);

/// <summary>A model or lab a story is about.</summary>
public sealed record StoryEntity(string Kind, string EntityId, string Mention);

/// <summary>A story with its items and the catalog models and labs they mention.</summary>
public sealed record StoryDetail(StoryRow Story, IReadOnlyList<StoryItem> Items, IReadOnlyList<StoryEntity> Entities);

/// <summary>One fetch in a source's history.</summary>
public sealed record FetchRow(DateTimeOffset StartedAt, int DurationMs, string Outcome, int? HttpStatus, long Bytes, string? Encoding, int ItemsRead, int ItemsNew, string? Error);

/// <summary>A source with its health and latest fetches.</summary>
public sealed record SourceRow(
    int Id, string Name, NewsSourceKind Kind, string Url, string? Parameter, string? Folder, bool Enabled, string Status, string? LastError,
    int ConsecutiveFailures, DateTimeOffset? LastFetchedAt, DateTimeOffset? LastSuccessAt, DateTimeOffset? NextFetchAt, int Items, IReadOnlyList<FetchRow> History);

/// <summary>A mute or boost rule.</summary>
public sealed record RuleRow(int Id, string Pattern, bool IsRegex, string Action, double Weight, int? SourceId, string? SourceName);
