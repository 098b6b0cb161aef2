namespace Modelwatch.Web.Features.Models;

/// <summary>Marker for the catalog pages' strings (<c>ModelsText.resx</c>, <c>ModelsText.ko.resx</c>).</summary>
public sealed class ModelsText;
