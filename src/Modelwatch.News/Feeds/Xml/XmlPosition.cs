namespace Modelwatch.News.Feeds.Xml;

/// <summary>Where an element started in the source text, kept on the element so problems can name a line.</summary>
internal sealed record XmlPosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
