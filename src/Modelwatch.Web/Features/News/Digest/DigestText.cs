namespace Modelwatch.Web.Features.News.Digest;

/// <summary>Marker for the digest pages' strings (<c>DigestText.resx</c>, <c>DigestText.ko.resx</c>).</summary>
public sealed class DigestText;
