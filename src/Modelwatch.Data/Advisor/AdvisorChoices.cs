namespace Modelwatch.Data.Advisor;

/// <summary>What the advisor's form offers: the choices that depend on the data.</summary>
/// <param name="Languages">Languages with a published per-language board (<c>korean</c>, <c>german</c>), by name.</param>
/// <param name="Datasets">Stored vote datasets, by name.</param>
/// <param name="Modalities">Input and output modalities the catalog knows (<c>image</c>, <c>audio</c>, <c>pdf</c>), by name.</param>
public sealed record AdvisorChoices(IReadOnlyList<string> Languages, IReadOnlyList<string> Datasets, IReadOnlyList<string> Modalities)
{
    /// <summary>The user's evaluation runs, newest first (a run's board can be the quality source).</summary>
    public IReadOnlyList<AdvisorEvalRunChoice> EvalRuns { get; init; } = [];
}

/// <summary>An evaluation run the form offers as a quality source.</summary>
public sealed record AdvisorEvalRunChoice(int Id, string Name);

/// <summary>A request the data cannot answer as asked (an unknown dataset), naming the request's field (<c>dataset</c>).</summary>
public sealed class AdvisorRequestException(string field, string message) : Exception(message)
{
    /// <summary>The request key at fault, as <c>AdvisorQuery</c> names it.</summary>
    public string Field { get; } = field;
}
