namespace Modelwatch.Data.Evals.Store;

/// <summary>
/// A request the evaluation store refuses, naming the field at fault (the form field, CLI option and API property
/// share the name: <c>name</c>, <c>key</c>, <c>text</c>, <c>models</c>, <c>baseline</c>, <c>judge</c>, …) and why.
/// Nothing was written when it is thrown.
/// </summary>
public sealed class EvalStoreException : Exception
{
    public EvalStoreException(string field, string message)
        : base(message) => Field = field;

    public EvalStoreException()
        : this("", "The evaluation store refused the request.")
    {
    }

    public EvalStoreException(string message)
        : this("", message)
    {
    }

    public EvalStoreException(string message, Exception innerException)
        : base(message, innerException) => Field = "";

    /// <summary>The field at fault; empty when the whole request is.</summary>
    public string Field { get; }
}
