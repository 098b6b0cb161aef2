using System.Text.Json;

namespace Modelwatch.Import.Votes;

/// <summary>The readable part of a <see cref="JsonException"/>: its message without the reader's own (relative) position.</summary>
internal static class JsonErrors
{
    public static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return e.BytePositionInLine is { } column
            ? FormattableString.Invariant($"{message} (byte {column + 1} of the line)")
            : message;
    }
}
