using System.Text;
using Modelwatch.Core.Votes;

namespace Modelwatch.Benchmarks.Generation;

/// <summary>
/// Streams resampled votes to a <c>model_a,model_b,winner</c> CSV. Every name is encoded once up front and rows
/// are copied as bytes into a large buffer, so ten million rows take seconds and constant memory.
/// </summary>
internal static class VoteCsvWriter
{
    private const int BufferSize = 1 << 20;

    /// <summary>Writes <paramref name="votes"/> rows to <paramref name="path"/> (through a temporary file, so an
    /// interrupted run never leaves a half-written file that looks complete). Returns the bytes written.</summary>
    public static long Write(string path, BattleResampler resampler, long votes)
    {
        ArgumentNullException.ThrowIfNull(resampler);
        ArgumentOutOfRangeException.ThrowIfNegative(votes);
        var names = new byte[resampler.ModelCount][];
        for (var id = 0; id < names.Length; id++)
        {
            names[id] = Encoding.UTF8.GetBytes(CsvField(resampler.ModelName(id)));
        }

        var winners = Enum.GetValues<Winner>().Select(w => Encoding.UTF8.GetBytes(w.ToSpelling())).ToArray();

        var temporary = path + ".tmp";
        long written = 0;
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            var buffer = new byte[BufferSize];
            var used = Append(buffer, 0, "model_a,model_b,winner\n"u8);
            for (long i = 0; i < votes; i++)
            {
                resampler.Next(out var a, out var b, out var winner);

                // Flush before a row that would not fit, so the buffer is only ever written whole rows at a time.
                var row = names[a].Length + names[b].Length + winners[(int)winner].Length + 3;
                if (used + row > buffer.Length)
                {
                    output.Write(buffer, 0, used);
                    written += used;
                    used = 0;
                }

                used = Append(buffer, used, names[a]);
                buffer[used++] = (byte)',';
                used = Append(buffer, used, names[b]);
                buffer[used++] = (byte)',';
                used = Append(buffer, used, winners[(int)winner]);
                buffer[used++] = (byte)'\n';
            }

            output.Write(buffer, 0, used);
            written += used;
        }

        File.Move(temporary, path, overwrite: true);
        return written;
    }

    private static int Append(byte[] buffer, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(at));
        return at + bytes.Length;
    }

    /// <summary>RFC 4180 quoting, only for names that need it (none of the arena's do).</summary>
    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
