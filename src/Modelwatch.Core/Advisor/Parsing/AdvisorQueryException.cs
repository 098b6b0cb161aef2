namespace Modelwatch.Core.Advisor.Parsing;

/// <summary>
/// A field of an advisor question that cannot be read: <see cref="Field"/> is the key as the query string, the page's
/// form and the CLI name it (<c>min-context</c>), the message says what was given and what was expected.
/// </summary>
public sealed class AdvisorQueryException : Exception
{
    public AdvisorQueryException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
        Problem = message;
    }

    public AdvisorQueryException()
        : this("query", "cannot be read")
    {
    }

    public AdvisorQueryException(string message)
        : this("query", message)
    {
    }

    public AdvisorQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "query";
        Problem = message;
    }

    /// <summary>The key of the field at fault (<c>min-context</c>, <c>w-price</c>).</summary>
    public string Field { get; }

    /// <summary>What is wrong with it, without the field's name.</summary>
    public string Problem { get; }
}
