namespace Modelwatch.Web.Features.Published;

/// <summary>Marker for the published page's strings (<c>PublishedText.resx</c>, <c>PublishedText.ko.resx</c>).</summary>
public sealed class PublishedText;
