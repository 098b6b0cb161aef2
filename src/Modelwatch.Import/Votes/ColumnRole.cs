namespace Modelwatch.Import.Votes;

/// <summary>What a column (CSV, Parquet) or top-level field (JSON) of a vote file feeds.</summary>
internal enum ColumnRole
{
    /// <summary>Read past: a known non-tag (row, id, prompt, worker, …) or a second spelling of a used column.</summary>
    Ignore,
    ModelA,
    ModelB,

    /// <summary><c>left</c>: the first model when the file has no <c>model_a</c>.</summary>
    LeftModel,

    /// <summary><c>right</c>: the second model when the file has no <c>model_b</c>.</summary>
    RightModel,
    Winner,
    Judge,

    /// <summary>FastChat's <c>tstamp</c>: seconds since the epoch.</summary>
    TimestampSeconds,

    /// <summary><c>timestamp</c>: ISO 8601 or seconds.</summary>
    Timestamp,
    Anonymous,
    Language,
    Turn,
    DedupSampled,
    TokensA,
    TokensB,
    HeadersA,
    HeadersB,
    ListsA,
    ListsB,
    BoldA,
    BoldB,

    /// <summary>A style counter fed by one or more Parquet leaves (their values add up), e.g. <c>conv_metadata.header_count_a.h1…h6</c>.</summary>
    StyleCount,

    /// <summary>A category tag as long as every value is a boolean.</summary>
    TagCandidate,

    /// <summary>FastChat's nested <c>category_tag</c> object (JSON).</summary>
    CategoryTagObject,

    /// <summary>FastChat's nested <c>conv_metadata</c> object (JSON).</summary>
    ConvMetadataObject,

    /// <summary>FastChat's nested <c>dedup_tag</c> object (JSON).</summary>
    DedupTagObject,
}
