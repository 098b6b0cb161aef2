using Modelwatch.Core.Votes;

namespace Modelwatch.Core.Tests.Votes;

public class VoteCleaningTests
{
    private static readonly string[] StepOrder =
        ["self-votes", "excluded models", "anonymous only", "language", "category", "ties", "dedup sampled only", "daily cap per voter"];

    private static readonly DateTimeOffset Day = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_140k_file_loses_exactly_its_ten_self_votes_by_default()
    {
        var votes = TestVotes.Arena140k();

        var cleaned = VoteCleaning.Apply(votes, new VoteFilterOptions());

        Assert.Equal(135_634, votes.Count);
        Assert.Equal(StepOrder, cleaned.Steps.Select(s => s.Name));
        Assert.Equal(10, cleaned.Steps[0].Removed);
        Assert.Equal(135_624, cleaned.Steps[0].Remaining);
        Assert.All(cleaned.Steps.Skip(1), step => Assert.Equal(0, step.Removed));
        Assert.Equal(135_624, cleaned.Selected.Length);
        Assert.All(cleaned.Selected, i => Assert.NotEqual(votes.ModelA[i], votes.ModelB[i]));
    }

    // The README's category sizes (hard_6 50,884, math 10,892, creative_writing 11,587, if 24,666, no_tie 98,348)
    // count all 135,634 rows. Cleaning removes the 10 self-votes first. Of those ten, 6 carry >= 6 criteria tags,
    // none is math, 1 is creative_writing, 5 are if, and 7 were decided for a side (3 ties) -- read off the file
    // with a one-off script -- so the boards hold 6, 0, 1, 5 and 7 votes fewer than the README figures.
    [Theory]
    [InlineData("hard_6", 50_884 - 6)]
    [InlineData("math", 10_892 - 0)]
    [InlineData("creative_writing", 11_587 - 1)]
    [InlineData("if", 24_666 - 5)]
    [InlineData("no_tie", 98_348 - 7)]
    public void Category_boards_of_the_140k_file_have_the_published_size_less_their_self_votes(string category, int expected)
    {
        var votes = TestVotes.Arena140k();

        var cleaned = VoteCleaning.Apply(votes, new VoteFilterOptions { Category = category });

        Assert.Equal(expected, cleaned.Selected.Length);
        var step = Assert.Single(cleaned.Steps, s => s.Name == "category");
        Assert.Equal(135_624 - expected, step.Removed);
        Assert.Equal(expected, step.Remaining);
    }

    [Fact]
    public void Excluding_ties_on_the_full_board_gives_the_no_tie_board()
    {
        var votes = TestVotes.Arena140k();

        var noTies = VoteCleaning.Apply(votes, new VoteFilterOptions { ExcludeTies = true });
        var noTieCategory = VoteCleaning.Apply(votes, new VoteFilterOptions { Category = VoteCategories.NoTie });

        Assert.Equal(noTieCategory.Selected, noTies.Selected);
        Assert.Equal(135_624 - noTies.Selected.Length, Assert.Single(noTies.Steps, s => s.Name == "ties").Removed);
    }

    [Fact]
    public void Anonymous_only_is_refused_for_a_file_without_the_anony_column()
    {
        var votes = TestVotes.Arena140k();

        var error = Assert.Throws<ArgumentException>(() => VoteCleaning.Apply(votes, new VoteFilterOptions { AnonymousOnly = true }));

        Assert.Contains("anony", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(VoteFilterOptions.AnonymousOnly), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_category_is_refused_with_the_available_ones_listed()
    {
        var votes = TestVotes.Arena140k();

        var error = Assert.Throws<ArgumentException>(() => VoteCleaning.Apply(votes, new VoteFilterOptions { Category = "coding" }));

        Assert.Contains("'coding'", error.Message, StringComparison.Ordinal);
        Assert.Contains("full, no_tie, hard_6, specificity", error.Message, StringComparison.Ordinal);
        Assert.Contains("math", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluded_models_go_whichever_side_they_are_on()
    {
        var t = new TableBuilder();
        t.Vote("x", "y");
        t.Vote("y", "z");
        t.Vote("z", "x");
        t.Vote("x", "x"); // self-vote: counted by its own step, not as an exclusion
        var votes = t.Build();

        var cleaned = VoteCleaning.Apply(votes, new VoteFilterOptions { ExcludeModels = ["x", "not-in-file"] });

        Assert.Equal([1], cleaned.Selected);
        Assert.Equal(1, cleaned.Steps[0].Removed);
        Assert.Equal(2, cleaned.Steps[1].Removed);
        Assert.Equal(1, cleaned.Steps[1].Remaining);
    }

    [Fact]
    public void Anonymous_only_keeps_votes_known_to_be_anonymous()
    {
        var t = new TableBuilder();
        t.Vote("x", "y", anonymous: true);
        t.Vote("x", "y", anonymous: false);
        t.Vote("x", "y"); // unknown: not known to be blind, so not on the public board
        t.Vote("y", "x", anonymous: true);
        var votes = t.Build();

        var cleaned = VoteCleaning.Apply(votes, new VoteFilterOptions { AnonymousOnly = true });

        Assert.Equal([0, 3], cleaned.Selected);
        Assert.Equal(2, Assert.Single(cleaned.Steps, s => s.Name == "anonymous only").Removed);
    }

    [Fact]
    public void Language_matches_case_insensitively_and_drops_unknown_languages()
    {
        var t = new TableBuilder();
        t.Vote("x", "y", language: "English");
        t.Vote("x", "y", language: "German");
        t.Vote("x", "y");
        t.Vote("x", "y", language: "english");
        var votes = t.Build();

        Assert.Equal([0, 3], VoteCleaning.Apply(votes, new VoteFilterOptions { Language = "ENGLISH" }).Selected);
        Assert.Empty(VoteCleaning.Apply(votes, new VoteFilterOptions { Language = "French" }).Selected);
    }

    [Fact]
    public void Dedup_drops_only_votes_explicitly_not_sampled()
    {
        var t = new TableBuilder();
        t.Vote("x", "y", sampled: true);
        t.Vote("x", "y", sampled: false);
        t.Vote("x", "y"); // no tag: FastChat treats a missing tag as sampled
        var votes = t.Build();

        var cleaned = VoteCleaning.Apply(votes, new VoteFilterOptions { DedupSampledOnly = true });

        Assert.Equal([0, 2], cleaned.Selected);
        Assert.Equal(1, Assert.Single(cleaned.Steps, s => s.Name == "dedup sampled only").Removed);
    }

    [Fact]
    public void Ties_and_both_bad_go_when_ties_are_excluded()
    {
        var t = new TableBuilder();
        t.Vote("x", "y", Winner.ModelA);
        t.Vote("x", "y", Winner.Tie);
        t.Vote("x", "y", Winner.BothBad);
        t.Vote("x", "y", Winner.ModelB);
        var votes = t.Build();

        Assert.Equal([0, 3], VoteCleaning.Apply(votes, new VoteFilterOptions { ExcludeTies = true }).Selected);
        Assert.Equal([0, 1, 2, 3], VoteCleaning.Apply(votes, new VoteFilterOptions()).Selected);
    }

    [Fact]
    public void Daily_cap_keeps_the_earliest_votes_of_each_voter_in_each_utc_day()
    {
        var t = new TableBuilder();
        var beforeMidnight = Day.AddDays(1).AddMinutes(-2);
        t.Vote("x", "y", judge: "ann", time: beforeMidnight.AddMinutes(1));  // 0: ann day 1, 2nd
        t.Vote("x", "y", judge: "ann", time: beforeMidnight);                // 1: ann day 1, 1st
        t.Vote("x", "y", judge: "bob", time: beforeMidnight.AddMinutes(1));  // 2: bob day 1, 1st
        t.Vote("x", "y", judge: "ann", time: beforeMidnight.AddSeconds(90)); // 3: ann day 1, 3rd -> over the cap
        t.Vote("x", "y", judge: "ann", time: Day.AddDays(1).AddMinutes(1));  // 4: ann day 2, 1st (after midnight UTC)
        t.Vote("x", "y", judge: "ann", time: Day.AddDays(1).AddMinutes(2));  // 5: ann day 2, 2nd
        t.Vote("x", "y", judge: "ann", time: Day.AddDays(1).AddMinutes(3));  // 6: ann day 2, 3rd -> over the cap
        t.Vote("x", "y", time: beforeMidnight);                              // 7: no voter: cannot be capped
        t.Vote("x", "y", judge: "ann");                                      // 8: no time: cannot be capped
        var votes = t.Build();

        var cleaned = VoteCleaning.Apply(votes, new VoteFilterOptions { DailyCapPerVoter = 2 });

        Assert.Equal([0, 1, 2, 4, 5, 7, 8], cleaned.Selected);
        var step = cleaned.Steps[^1];
        Assert.Equal("daily cap per voter", step.Name);
        Assert.Equal(2, step.Removed);
        Assert.Equal(7, step.Remaining);
    }

    [Fact]
    public void Daily_cap_counts_only_votes_that_survived_the_earlier_steps()
    {
        var t = new TableBuilder();
        t.Vote("x", "x", judge: "ann", time: Day);                // self-vote, removed first
        t.Vote("x", "y", judge: "ann", time: Day.AddMinutes(1));
        t.Vote("x", "y", judge: "ann", time: Day.AddMinutes(2));
        var votes = t.Build();

        Assert.Equal([1], VoteCleaning.Apply(votes, new VoteFilterOptions { DailyCapPerVoter = 1 }).Selected);
    }

    [Fact]
    public void Hard_6_needs_six_of_the_seven_criteria()
    {
        var t = new TableBuilder();
        t.Vote("x", "y", tags: VoteCategories.CriteriaTags.Take(6).ToArray());
        t.Vote("x", "y", tags: [.. VoteCategories.CriteriaTags.Take(5), "math"]);
        t.Vote("x", "y", tags: [.. VoteCategories.CriteriaTags]);
        var votes = t.Build();

        Assert.Equal([0, 2], VoteCleaning.Apply(votes, new VoteFilterOptions { Category = VoteCategories.Hard6 }).Selected);
        Assert.Equal([1], VoteCleaning.Apply(votes, new VoteFilterOptions { Category = "math" }).Selected);
    }

    [Theory]
    [InlineData(nameof(VoteFilterOptions.Language), "language")]
    [InlineData(nameof(VoteFilterOptions.DedupSampledOnly), "dedup_tag")]
    [InlineData(nameof(VoteFilterOptions.DailyCapPerVoter), "judge")]
    [InlineData(nameof(VoteFilterOptions.AnonymousOnly), "anony")]
    public void An_option_whose_column_is_missing_is_refused(string option, string column)
    {
        var t = new TableBuilder();
        t.Vote("x", "y");
        var votes = t.Build();
        var options = option switch
        {
            nameof(VoteFilterOptions.Language) => new VoteFilterOptions { Language = "English" },
            nameof(VoteFilterOptions.DedupSampledOnly) => new VoteFilterOptions { DedupSampledOnly = true },
            nameof(VoteFilterOptions.DailyCapPerVoter) => new VoteFilterOptions { DailyCapPerVoter = 5 },
            _ => new VoteFilterOptions { AnonymousOnly = true },
        };

        var error = Assert.Throws<ArgumentException>(() => VoteCleaning.Apply(votes, options));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Contains(column, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_cap_needs_timestamps_as_well_as_voters()
    {
        var t = new TableBuilder();
        t.Vote("x", "y", judge: "ann");
        var votes = t.Build();

        var error = Assert.Throws<ArgumentException>(() => VoteCleaning.Apply(votes, new VoteFilterOptions { DailyCapPerVoter = 5 }));

        Assert.Contains("tstamp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_daily_cap_below_one_is_refused()
    {
        var t = new TableBuilder();
        t.Vote("x", "y", judge: "ann", time: Day);
        var votes = t.Build();

        Assert.Throws<ArgumentException>(() => VoteCleaning.Apply(votes, new VoteFilterOptions { DailyCapPerVoter = 0 }));
    }

    /// <summary>Builds small tables by name, setting only the metadata a test mentions.</summary>
    internal sealed class TableBuilder
    {
        private readonly VoteTableBuilder _builder = new();

        public void Vote(
            string a,
            string b,
            Winner winner = Winner.ModelA,
            bool? anonymous = null,
            string? language = null,
            bool? sampled = null,
            string? judge = null,
            DateTimeOffset? time = null,
            string[]? tags = null)
        {
            ulong bits = 0;
            foreach (var tag in tags ?? [])
            {
                bits |= 1UL << _builder.GetOrAddTag(tag);
            }

            var row = new VoteRow
            {
                ModelA = _builder.Models.GetOrAdd(a),
                ModelB = _builder.Models.GetOrAdd(b),
                Winner = winner,
                Anonymous = anonymous,
                Language = language is null ? null : _builder.Languages.GetOrAdd(language),
                DedupSampled = sampled,
                Judge = judge is null ? null : _builder.Judges.GetOrAdd(judge),
                TimestampMs = time?.ToUnixTimeMilliseconds(),
                Tags = bits,
                SourceLine = _builder.Count + 2,
            };
            _builder.Add(row);
        }

        public VoteTable Build() => _builder.Build();
    }
}
