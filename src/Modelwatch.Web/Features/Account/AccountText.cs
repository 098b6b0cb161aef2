namespace Modelwatch.Web.Features.Account;

/// <summary>Marker for the account pages' strings (<c>AccountText.resx</c>, <c>AccountText.ko.resx</c>).</summary>
public sealed class AccountText;
