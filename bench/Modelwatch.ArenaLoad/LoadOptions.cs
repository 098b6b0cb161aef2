using System.Globalization;

namespace Modelwatch.ArenaLoad;

/// <summary>Command-line settings of one load run.</summary>
internal sealed record LoadOptions(string App, string Database, int Voters, int BattlesPerVoter, int Port, TimeSpan PieceDelay, int Pieces)
{
    public const string Usage = """
        usage: Modelwatch.ArenaLoad --app PATH/Modelwatch.Web.dll --database CONNECTION
                                    [--voters 200] [--battles 5] [--port 5392] [--piece-delay-ms 5] [--pieces 20]
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected '--name value' pairs, got '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        int Int(string name, int fallback) => values.TryGetValue(name, out var v)
            ? int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"--{name} must be positive")
            : fallback;

        return new LoadOptions(Required("app"), Required("database"), Int("voters", 200), Int("battles", 5), Int("port", 5392),
            TimeSpan.FromMilliseconds(Int("piece-delay-ms", 5)), Int("pieces", 20));
    }
}
