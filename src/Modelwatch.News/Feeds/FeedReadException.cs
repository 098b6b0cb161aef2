namespace Modelwatch.News.Feeds;

/// <summary>
/// A document from which nothing could be recovered. The message names the source (address or file), where in it
/// (line and column, or JSON path) and what was expected there.
/// </summary>
public sealed class FeedReadException : Exception
{
    public FeedReadException(string message)
        : base(message)
    {
    }

    public FeedReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FeedReadException()
    {
    }
}
