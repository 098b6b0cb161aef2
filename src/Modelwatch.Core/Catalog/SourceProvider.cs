namespace Modelwatch.Core.Catalog;

/// <summary>A provider as a source describes it: the slug its offerings use and the name people know it by.</summary>
/// <param name="Id">The slug on <see cref="SourceOffering.Provider"/> (<c>amazon-bedrock</c>).</param>
/// <param name="Name">The display name (<c>Amazon Bedrock</c>).</param>
public sealed record SourceProvider(string Id, string Name)
{
    /// <summary>Where the provider documents its models, when the source says.</summary>
    public string? DocUrl { get; init; }

    /// <summary>The provider's API base URL, when the source says (OpenAI-compatible hosts).</summary>
    public string? ApiUrl { get; init; }
}
