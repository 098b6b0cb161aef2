using Modelwatch.Web.Features.Models;

namespace Modelwatch.Web.Features.Compare;

/// <summary>2 to 4 models side by side, also the JSON of <c>GET /api/compare</c>.</summary>
/// <param name="Models">The models in the order asked for.</param>
/// <param name="Rows">Facts, prices and our arena ratings, one value per model in <paramref name="Models"/> order.</param>
/// <param name="Dataset">The vote dataset the ratings and head-to-head records come from; null without votes.</param>
/// <param name="HeadToHead">Every pair of models that both carry a vote name, from the <c>full</c> category of the newest dataset.</param>
public sealed record CompareData(IReadOnlyList<ComparedModel> Models, IReadOnlyList<CompareRow> Rows, IReadOnlyList<HeadToHead> HeadToHead, string? Dataset);

/// <summary>One compared model: its resolved facts, the price a leaderboard row shows, and its ratings on our boards.</summary>
/// <param name="Model">The resolved facts.</param>
/// <param name="InputPerMillion">The current input price (USD per million tokens) of <paramref name="PriceProvider"/>.</param>
/// <param name="OutputPerMillion">The current output price.</param>
/// <param name="PriceProvider">The lab's own offering when the catalog has one, else the cheapest.</param>
/// <param name="ArenaRatings">Its ratings per category under <paramref name="VoteName"/>.</param>
/// <param name="VoteName">The name it is voted on under (of several, the one with the most votes); null when no vote names it.</param>
public sealed record ComparedModel(ModelHeader Model, decimal? InputPerMillion, decimal? OutputPerMillion, string? PriceProvider, string? VoteName, IReadOnlyList<ArenaRating> ArenaRatings);

/// <summary>One row of the side-by-side table: a label (English; the page translates it) and a value per model, "—" when unknown.</summary>
/// <param name="Key">A stable key (<c>context_window</c>, <c>input_price</c>, <c>rating:full</c>).</param>
/// <param name="Label">The row's English label.</param>
/// <param name="Values">One display value per model.</param>
/// <param name="Differs">The known values are not all equal.</param>
public sealed record CompareRow(string Key, string Label, IReadOnlyList<string> Values, bool Differs);

/// <summary>
/// Model A against model B in our votes: the counts (ties include both-bad), the observed fraction A won (wins plus
/// half the ties, over every vote between them; null when they never met), and the probability the ratings predict,
/// Bradley–Terry on LMArena's scale: <c>1 / (1 + 10^((R_B − R_A) / 400))</c>.
/// </summary>
public sealed record HeadToHead(string A, string B, string VoteNameA, string VoteNameB, int WinsA, int WinsB, int Ties, int Count, double? ObservedA, double PredictedA);

/// <summary>The comparison, or why it cannot be made (the status the API answers with and a message for people).</summary>
public sealed record CompareOutcome(CompareData? Data, int Status, string? Problem, IReadOnlyList<string> Unknown);
