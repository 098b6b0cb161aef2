using Xunit;

namespace Modelwatch.Testing;

/// <summary>
/// Finds the read-only reference data in <c>../shared</c> (beside the repository root). Tests that need a file
/// call <see cref="File"/>, which skips the test with a clear message when the data is absent (a user's clone)
/// and returns the full path when it is present (CI). <c>MODELWATCH_SHARED</c> overrides the location.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> RootDirectory = new(FindRoot);

    /// <summary>The shared folder, or null when it cannot be found.</summary>
    public static string? Root => RootDirectory.Value;

    /// <summary>The repository root (the folder holding <c>Modelwatch.slnx</c>).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Full path of a file under the shared folder; skips the calling test when it is missing.</summary>
    public static string File(string relativePath)
    {
        var root = Root;
        var path = root is null ? null : Path.Combine(root, relativePath);
        if (path is null || !System.IO.File.Exists(path))
        {
            Assert.Skip($"Skipped: needs ../shared/{relativePath}, which is not present here (a clone without the shared reference data). CI runs this test with ../shared in place.");
        }

        return path!;
    }

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MODELWATCH_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Modelwatch.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Modelwatch.slnx above {AppContext.BaseDirectory}; tests run from inside the repository.");
    }
}
