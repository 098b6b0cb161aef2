namespace Modelwatch.Web.Features.Access;

/// <summary>Marker for the access feature's strings (<c>AccessText.resx</c>, <c>AccessText.ko.resx</c>).</summary>
public sealed class AccessText;
