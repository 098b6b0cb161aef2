using Modelwatch.Core.Votes;

namespace Modelwatch.Import.Tests.Votes;

/// <summary>Checks a table vote by vote against the 140k source records: names, winner and every tag column.</summary>
internal static class ArenaAssert
{
    public static void SameVotes(ArenaRecords records, VoteTable table)
    {
        Assert.Equal(records.Rows.Count, table.Count);
        Assert.Equal(ArenaRecords.TagColumns.Order(StringComparer.Ordinal), table.TagNames.Order(StringComparer.Ordinal));
        int a = records.Column("model_a"), b = records.Column("model_b"), w = records.Column("winner");
        var tagColumns = ArenaRecords.TagColumns.Select(records.Column).ToArray();
        var tagBits = ArenaRecords.TagColumns.Select(table.TagBit).ToArray();
        for (var i = 0; i < table.Count; i++)
        {
            var row = records.Rows[i];
            var tags = table.HasTags ? table.Tags[i] : 0UL;
            var mismatch =
                table.Models[table.ModelA[i]] != row[a] ? "model_a"
                : table.Models[table.ModelB[i]] != row[b] ? "model_b"
                : table.Winners[i].ToSpelling() != row[w] ? "winner"
                : Enumerable.Range(0, tagBits.Length).Where(t => ((tags >> tagBits[t]) & 1) != (row[tagColumns[t]] == "1" ? 1UL : 0UL)).Select(t => ArenaRecords.TagColumns[t]).FirstOrDefault();
            if (mismatch is not null)
            {
                Assert.Fail($"vote {i} (source row {string.Join(',', row)}) differs in {mismatch}");
            }
        }
    }
}
