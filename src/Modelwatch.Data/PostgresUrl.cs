using System.Globalization;
using Npgsql;

namespace Modelwatch.Data;

/// <summary>
/// Turns a libpq-style URL (<c>postgres://user:password@host:port/database?sslmode=require</c>), the form hosting
/// services hand out, into an Npgsql connection string.
/// </summary>
internal static class PostgresUrl
{
    private const int DefaultPort = 5432;

    /// <summary>libpq query parameters whose Npgsql keyword is spelled differently.</summary>
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
    };

    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("The PostgreSQL URL cannot be read; expected postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
        };

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            SetParameter(builder, key, value);
        }

        return builder.ConnectionString;
    }

    private static void SetParameter(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        var keyword = Keywords.GetValueOrDefault(key, key);
        if (keyword == "SSL Mode")
        {
            // libpq spells modes verify-full and verify-ca; Npgsql's enum is VerifyFull and VerifyCA.
            value = value.Replace("-", "", StringComparison.Ordinal);
        }

        try
        {
            builder[keyword] = value;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new FormatException(
                string.Create(CultureInfo.InvariantCulture, $"The PostgreSQL URL has a parameter Npgsql does not know: '{key}'."), e);
        }
    }
}
