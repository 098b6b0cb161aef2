namespace Modelwatch.Web.Features.Arena.Battles;

/// <summary>Marker for the arena page's strings (<c>BattlesText.resx</c>, <c>BattlesText.ko.resx</c>).</summary>
public sealed class BattlesText;
