using Modelwatch.Core.Votes;

namespace Modelwatch.Benchmarks.Generation;

/// <summary>The in-memory twin of <see cref="VoteCsvWriter"/>: the same resampled votes straight into a <see cref="VoteTable"/>,
/// for micro-benchmarks of what comes after reading.</summary>
internal static class ResampledVoteTable
{
    public static VoteTable Build(BattleResampler resampler, int votes)
    {
        ArgumentNullException.ThrowIfNull(resampler);
        var builder = new VoteTableBuilder(votes);

        // Register every renamed model first so table ids equal resampler ids.
        for (var id = 0; id < resampler.ModelCount; id++)
        {
            builder.Models.GetOrAdd(resampler.ModelName(id));
        }

        for (var i = 0; i < votes; i++)
        {
            resampler.Next(out var a, out var b, out var winner);
            builder.Add(new VoteRow { ModelA = a, ModelB = b, Winner = winner, SourceLine = i + 2 });
        }

        return builder.Build();
    }
}
