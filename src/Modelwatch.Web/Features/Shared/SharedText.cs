namespace Modelwatch.Web.Features.Shared;

/// <summary>Marker for the layout's and shared parts' strings (<c>SharedText.resx</c>, <c>SharedText.ko.resx</c>).</summary>
public sealed class SharedText;
