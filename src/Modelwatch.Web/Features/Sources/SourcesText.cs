namespace Modelwatch.Web.Features.Sources;

/// <summary>Marker for the sources feature's strings (<c>SourcesText.resx</c>, <c>SourcesText.ko.resx</c>).</summary>
public sealed class SourcesText;
