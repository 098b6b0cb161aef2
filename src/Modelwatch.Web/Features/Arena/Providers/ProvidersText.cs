namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>Marker for the providers page's strings (<c>ProvidersText.resx</c>, <c>ProvidersText.ko.resx</c>).</summary>
public sealed class ProvidersText;
