namespace Modelwatch.Web.Features.Evals;

/// <summary>Marker for the evaluation pages' strings (<c>EvalsText.resx</c>, <c>EvalsText.ko.resx</c>).</summary>
public sealed class EvalsText;
