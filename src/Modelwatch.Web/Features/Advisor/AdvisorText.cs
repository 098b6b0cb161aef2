namespace Modelwatch.Web.Features.Advisor;

/// <summary>Marker for the advisor page's strings (<c>AdvisorText.resx</c>, <c>AdvisorText.ko.resx</c>).</summary>
public sealed class AdvisorText;
