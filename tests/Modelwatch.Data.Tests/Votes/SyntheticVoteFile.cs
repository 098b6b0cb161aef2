using System.Globalization;
using System.Text;

namespace Modelwatch.Data.Tests.Votes;

/// <summary>
/// Writes a CSV of random votes carrying every metadata column the reader knows (voter, time, anonymity, language,
/// turns, de-duplication, style counters, the seven hard-prompt criteria and two category tags), with some values
/// left empty and a few self-votes, so a round trip exercises every stored column and every "unknown".
/// </summary>
internal static class SyntheticVoteFile
{
    private static readonly string[] Models = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
    private static readonly string[] Winners = ["model_a", "model_b", "tie", "both_bad"];
    private static readonly string[] Languages = ["English", "German", "Chinese"];
    private static readonly string[] Tags =
        ["specificity", "domain_knowledge", "complexity", "problem_solving", "creativity", "technical_accuracy", "real_world", "math", "creative_writing"];

    public static string Write(string path, int votes, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append("model_a,model_b,winner,judge,tstamp,anony,language,turn,dedup_sampled,")
            .Append("sum_assistant_a_tokens,sum_assistant_b_tokens,header_count_a,header_count_b,list_count_a,list_count_b,bold_count_a,bold_count_b,")
            .AppendJoin(',', Tags).Append('\n');
        for (var i = 0; i < votes; i++)
        {
            var a = Models[random.Next(Models.Length)];
            var b = random.Next(40) == 0 ? a : Models[random.Next(Models.Length)];
            var fields = new List<string>
            {
                a,
                b,
                Winners[random.Next(Winners.Length)],
                Maybe(random, () => "voter" + random.Next(30).ToString(CultureInfo.InvariantCulture)),
                Maybe(random, () => (1_700_000_000 + random.Next(5_000_000) + (random.Next(1000) / 1000.0)).ToString("0.###", CultureInfo.InvariantCulture)),
                Maybe(random, () => random.Next(2) == 0 ? "true" : "false"),
                Maybe(random, () => Languages[random.Next(Languages.Length)]),
                Maybe(random, () => (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture)),
                Maybe(random, () => random.Next(2).ToString(CultureInfo.InvariantCulture)),
            };
            var style = random.Next(5) != 0;
            for (var k = 0; k < 8; k++)
            {
                fields.Add(style ? random.Next(k < 2 ? 2000 : 12).ToString(CultureInfo.InvariantCulture) : string.Empty);
            }

            foreach (var _ in Tags)
            {
                fields.Add(random.Next(3) == 0 ? "0" : "1");
            }

            text.AppendJoin(',', fields).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Maybe(Random random, Func<string> value) => random.Next(8) == 0 ? string.Empty : value();
}
