namespace Modelwatch.Web.Features.Compare;

/// <summary>Marker for the compare page's strings (<c>CompareText.resx</c>, <c>CompareText.ko.resx</c>).</summary>
public sealed class CompareText;
