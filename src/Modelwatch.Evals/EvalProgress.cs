using Modelwatch.Data.Evals;

namespace Modelwatch.Evals;

/// <summary>
/// Where a run is, reported after every recorded answer or verdict: the phase (<see cref="Answers"/> or
/// <see cref="Judging"/>), how many of the phase's items stand (including those from earlier sessions), of how many,
/// and how many failed in this session.
/// </summary>
public sealed record EvalProgress(string Phase, int Done, int Total, int Failed)
{
    public const string Answers = "answers";
    public const string Judging = "judging";
}

/// <summary>
/// How a call of <see cref="EvalRunner.RunAsync"/> ended: the run's status afterwards; whether another instance held the
/// run (then nothing was done); what this session answered (stored), saw fail, and had refused as already answered;
/// what it judged, how many judge texts had no verdict, and how many judge calls failed (asked again on resume).
/// </summary>
public sealed record EvalRunOutcome(
    int RunId,
    EvalRunStatus Status,
    bool LeaseRefused,
    int Answered,
    int AnswersFailed,
    int AnswersRefused,
    int Judged,
    int VerdictsUnparsed,
    int JudgeCallsFailed,
    string? Error);
