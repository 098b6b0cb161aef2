namespace Modelwatch.Web.Features.News;

/// <summary>Marker for the news feature's strings (<c>NewsText.resx</c>, <c>NewsText.ko.resx</c>).</summary>
public sealed class NewsText;
