using Modelwatch.Data.Evals.Store;

namespace Modelwatch.Web.Features.Evals;

/// <summary>What <c>_Board.cshtml</c> draws: a board (null: none yet) with an id prefix and the plot's label.</summary>
public sealed record BoardPartial(string Id, EvalBoardView? Board, string PlotLabel);
