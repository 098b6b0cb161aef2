using Modelwatch.Data.Evals;
using Modelwatch.Data.Evals.Store;

namespace Modelwatch.Evals;

/// <summary>Counts of one session, updated from the parallel workers.</summary>
internal sealed class EvalRunTally
{
    private int _answered, _answersFailed, _refused, _judged, _unparsed, _judgeFailed;

    public int AnswersFailed => Volatile.Read(ref _answersFailed);

    public int JudgeCallsFailed => Volatile.Read(ref _judgeFailed);

    public void Answer(AnswerRecordOutcome recorded, bool failed)
    {
        if (recorded == AnswerRecordOutcome.Refused)
        {
            Interlocked.Increment(ref _refused);
            return;
        }

        Interlocked.Increment(ref failed ? ref _answersFailed : ref _answered);
    }

    public void Judgement(bool stored, bool unparsed)
    {
        if (!stored)
        {
            return;
        }

        Interlocked.Increment(ref _judged);
        if (unparsed)
        {
            Interlocked.Increment(ref _unparsed);
        }
    }

    public void JudgeCallFailed() => Interlocked.Increment(ref _judgeFailed);

    public EvalRunOutcome Outcome(int runId, EvalRunStatus status, string? error) => new(
        runId, status, false, _answered, _answersFailed, _refused, _judged, _unparsed, _judgeFailed, error);
}
