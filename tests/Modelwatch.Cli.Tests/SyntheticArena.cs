using System.Text.Json;

namespace Modelwatch.Cli.Tests;

/// <summary>
/// A FastChat <c>clean_battle</c> JSON file simulated from known strengths and a known answer-length effect, with
/// voters, times, languages, anonymity and de-duplication tags — the metadata the shared 140k file does not carry.
/// </summary>
internal static class SyntheticArena
{
    public static readonly string[] Models = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];

    /// <summary>True strengths in natural units (P(a beats b) = σ(r_a − r_b + effect)).</summary>
    public static readonly double[] Strengths = [0.6, 0.3, 0.1, 0.0, -0.2, -0.5];

    /// <summary>Effect of the length feature (A − B)/(A + B + 1) on the logit, before z-scoring.</summary>
    public const double LengthEffect = 1.5;

    public static readonly DateTimeOffset Start = new(2025, 5, 1, 20, 0, 0, TimeSpan.Zero);

    public static List<Battle> Simulate(int count, int seed)
    {
        var random = new Random(seed);
        var battles = new List<Battle>(count);
        for (var i = 0; i < count; i++)
        {
            var a = random.Next(Models.Length);
            var b = (a + 1 + random.Next(Models.Length - 1)) % Models.Length;
            var tokensA = random.Next(50, 1500);
            var tokensB = random.Next(50, 1500);
            var length = (tokensA - tokensB) / (double)(tokensA + tokensB + 1);
            var pA = 1 / (1 + Math.Exp(-(Strengths[a] - Strengths[b] + (LengthEffect * length))));
            var winner = random.NextDouble() < 0.15 ? "tie" : random.NextDouble() < pA ? "model_a" : "model_b";
            battles.Add(new Battle(
                Models[a],
                Models[b],
                winner,
                $"voter-{random.Next(20)}",
                Start.AddMinutes(i * 3.0), // ~3 days in all, so the daily cap crosses UTC midnight
                random.NextDouble() < 0.9,
                random.NextDouble() < 0.8 ? "English" : "Korean",
                random.NextDouble() < 0.95,
                [tokensA, tokensB, random.Next(6), random.Next(6), random.Next(11), random.Next(11), random.Next(7), random.Next(7)]));
        }

        return battles;
    }

    public static void Write(string path, IEnumerable<Battle> battles)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        foreach (var battle in battles)
        {
            json.WriteStartObject();
            json.WriteString("model_a", battle.ModelA);
            json.WriteString("model_b", battle.ModelB);
            json.WriteString("winner", battle.Winner);
            json.WriteString("judge", battle.Judge);
            json.WriteNumber("tstamp", battle.Time.ToUnixTimeMilliseconds() / 1000.0);
            json.WriteBoolean("anony", battle.Anonymous);
            json.WriteString("language", battle.Language);
            json.WriteNumber("turn", 1);
            json.WriteStartObject("dedup_tag");
            json.WriteBoolean("high_freq", !battle.Sampled);
            json.WriteBoolean("sampled", battle.Sampled);
            json.WriteEndObject();
            json.WriteStartObject("conv_metadata");
            var s = battle.Style;
            json.WriteNumber("sum_assistant_a_tokens", s[0]);
            json.WriteNumber("sum_assistant_b_tokens", s[1]);
            Counts(json, "header_count_a", ("h1", s[2] / 2), ("h2", s[2] - (s[2] / 2)));
            Counts(json, "header_count_b", ("h1", s[3]), ("h3", 0));
            Counts(json, "list_count_a", ("ordered", s[4]), ("unordered", 0));
            Counts(json, "list_count_b", ("ordered", 0), ("unordered", s[5]));
            Counts(json, "bold_count_a", ("**", s[6]), ("__", 0));
            Counts(json, "bold_count_b", ("**", s[7]), ("__", 0));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Counts(Utf8JsonWriter json, string name, params (string Key, int Value)[] values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
    }

    internal sealed record Battle(string ModelA, string ModelB, string Winner, string Judge, DateTimeOffset Time, bool Anonymous, string Language, bool Sampled, int[] Style);
}
