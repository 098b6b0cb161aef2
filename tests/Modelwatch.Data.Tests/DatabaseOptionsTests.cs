using Microsoft.Data.Sqlite;
using Npgsql;

namespace Modelwatch.Data.Tests;

public sealed class DatabaseOptionsTests
{
    // A name of its own: a fixed one fails whenever anything else on the machine made that folder.
    private static readonly string DataDir = Path.Combine(Path.GetTempPath(), "mw-data-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_given_means_modelwatch_db_in_the_data_directory(string? value)
    {
        var options = DatabaseOptions.Parse(value, DataDir);

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal(Path.Combine(DataDir, "modelwatch.db"), options.SqliteFile);
        Assert.False(Directory.Exists(DataDir), "Parse must not touch the disk; OpenAsync creates the folder.");
    }

    [Fact]
    public void A_path_is_an_sqlite_file_made_absolute()
    {
        var options = DatabaseOptions.Parse("some/dir/catalog.db", DataDir);

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal(Path.GetFullPath("some/dir/catalog.db"), options.SqliteFile);
    }

    [Fact]
    public void An_sqlite_connection_string_keeps_its_settings()
    {
        var options = DatabaseOptions.Parse("Data Source=/srv/mw/catalog.db;Default Timeout=60", DataDir);

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal("/srv/mw/catalog.db", options.SqliteFile);
        Assert.Equal(60, new SqliteConnectionStringBuilder(options.ConnectionString).DefaultTimeout);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x;Mode=Memory")]
    public void An_in_memory_sqlite_database_is_refused(string value)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseOptions.Parse(value, DataDir));
        Assert.Contains("file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.internal;Port=6543;Username=mw;Password=s3cret-pw;Database=modelwatch")]
    [InlineData("host=db.internal;port=6543;username=mw;password=s3cret-pw;database=modelwatch")]
    [InlineData("Server=db.internal;Port=6543;User ID=mw;Password=s3cret-pw;Database=modelwatch")]
    [InlineData("postgres://mw:s3cret-pw@db.internal:6543/modelwatch")]
    [InlineData("postgresql://mw:s3cret-pw@db.internal:6543/modelwatch")]
    public void Host_or_a_postgres_url_means_postgresql(string value)
    {
        var options = DatabaseOptions.Parse(value, DataDir);

        Assert.Equal(DatabaseProvider.PostgreSql, options.Provider);
        Assert.Null(options.SqliteFile);
        var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Assert.Equal("db.internal", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("mw", parsed.Username);
        Assert.Equal("s3cret-pw", parsed.Password);
        Assert.Equal("modelwatch", parsed.Database);
    }

    [Fact]
    public void A_url_is_unescaped_and_its_parameters_kept()
    {
        var options = DatabaseOptions.Parse("postgres://m%40w:p%3Ass%2Fw%40rd@[::1]/mw%20db?sslmode=verify-full&application_name=modelwatch-web", DataDir);

        var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Assert.Equal("::1", parsed.Host);
        Assert.Equal(5432, parsed.Port);
        Assert.Equal("m@w", parsed.Username);
        Assert.Equal("p:ss/w@rd", parsed.Password);
        Assert.Equal("mw db", parsed.Database);
        Assert.Equal(SslMode.VerifyFull, parsed.SslMode);
        Assert.Equal("modelwatch-web", parsed.ApplicationName);
    }

    [Fact]
    public void A_url_without_user_or_database_leaves_them_to_npgsql()
    {
        var parsed = new NpgsqlConnectionStringBuilder(DatabaseOptions.Parse("postgres://db.internal", DataDir).ConnectionString);

        Assert.Equal("db.internal", parsed.Host);
        Assert.Equal(5432, parsed.Port);
        Assert.Null(parsed.Username);
        Assert.Null(parsed.Database);
    }

    [Theory]
    [InlineData("postgres://mw:s3cret-pw@db.internal/mw?no_such_thing=1", "no_such_thing")]
    [InlineData("postgres://mw:s3cret-pw@/mw", "postgres://user:password@host")]
    public void A_bad_url_says_why_without_the_password(string value, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseOptions.Parse(value, DataDir));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.internal;Username=mw;Password=s3cret-pw;Database=modelwatch")]
    [InlineData("postgres://mw:s3cret-pw@db.internal/modelwatch")]
    [InlineData("Host=db.internal;Username=mw;Password=s3cret-pw;SSL Password=s3cret-pw;Database=modelwatch")]
    public void Describe_and_ToString_never_show_the_password(string value)
    {
        var options = DatabaseOptions.Parse(value, DataDir);

        foreach (var shown in new[] { options.Describe(), options.ToString(), $"{options}", new[] { options }.Single().ToString() })
        {
            Assert.DoesNotContain("s3cret-pw", shown, StringComparison.Ordinal);
            Assert.Contains("***", shown, StringComparison.Ordinal);
            Assert.Contains("db.internal", shown, StringComparison.Ordinal);
            Assert.StartsWith("PostgreSQL ", shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Describe_names_the_sqlite_file_and_hides_its_password()
    {
        var plain = DatabaseOptions.Parse("/srv/mw/catalog.db", DataDir);
        var encrypted = DatabaseOptions.Parse("Data Source=/srv/mw/catalog.db;Password=s3cret-pw", DataDir);

        Assert.Equal("SQLite /srv/mw/catalog.db", plain.Describe());
        Assert.DoesNotContain("s3cret-pw", encrypted.Describe(), StringComparison.Ordinal);
        Assert.Contains("/srv/mw/catalog.db", encrypted.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_directory_comes_from_the_environment_or_local_application_data()
    {
        var saved = Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, "relative/mw-data");
            Assert.Equal(Path.GetFullPath("relative/mw-data"), DataDirectory.Default());

            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, null);
            Assert.Equal(
                Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "modelwatch"),
                DataDirectory.Default());
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, saved);
        }
    }
}
