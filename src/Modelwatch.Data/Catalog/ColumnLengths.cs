namespace Modelwatch.Data.Catalog;

/// <summary>
/// Maximum lengths of identifier columns. PostgreSQL enforces them (<c>character varying(n)</c>); SQLite does not, so
/// they are generous: a longer value is a bug in the writer, not a real id. Free text (fact values, messages, JSON)
/// has no limit.
/// </summary>
internal static class ColumnLengths
{
    /// <summary>A source name (<c>models.dev</c>, <c>lmarena</c>) or a provider id.</summary>
    public const int Source = 64;

    /// <summary>A canonical model id, <c>&lt;lab&gt;/&lt;model&gt;</c>, or a lab.</summary>
    public const int ModelId = 256;

    /// <summary>A source's id for a model (LiteLLM keys carry regions and commitment terms; OpenRouter ids carry tags).</summary>
    public const int ExternalId = 512;

    /// <summary>A variant name within its model.</summary>
    public const int Variant = 128;

    /// <summary>A short name: a fact field, a benchmark, a board, a category, a mode.</summary>
    public const int Name = 128;

    /// <summary>An enum stored by name.</summary>
    public const int EnumName = 32;

    /// <summary>A URL or a file path.</summary>
    public const int Location = 2048;
}
