namespace Modelwatch.Data.Votes;

/// <summary>A request the stored votes cannot serve: no such dataset, or a name already taken by other content.</summary>
public sealed class VoteStoreException : Exception
{
    public VoteStoreException()
        : this("The vote store cannot do that.")
    {
    }

    public VoteStoreException(string message)
        : base(message)
    {
    }

    public VoteStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
