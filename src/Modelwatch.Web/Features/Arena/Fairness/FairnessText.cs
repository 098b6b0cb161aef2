namespace Modelwatch.Web.Features.Arena.Fairness;

/// <summary>Marker for the vote review's strings (<c>FairnessText.resx</c>, <c>FairnessText.ko.resx</c>).</summary>
public sealed class FairnessText;
