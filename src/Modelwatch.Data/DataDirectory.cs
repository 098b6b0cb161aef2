namespace Modelwatch.Data;

/// <summary>Where Modelwatch keeps its files (the SQLite database among them).</summary>
public static class DataDirectory
{
    /// <summary>The environment variable that overrides the data directory.</summary>
    public const string EnvironmentVariable = "MODELWATCH_DATA_DIR";

    /// <summary>
    /// <c>MODELWATCH_DATA_DIR</c> when set, else <c>modelwatch</c> under the user's local application data
    /// (<c>~/.local/share/modelwatch</c> on Linux, <c>%LOCALAPPDATA%\modelwatch</c> on Windows). Not created here:
    /// whoever writes to it creates it.
    /// </summary>
    public static string Default()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(localData))
        {
            throw new InvalidOperationException(
                $"No local application data folder is known for this user (is HOME set?); set {EnvironmentVariable} to the folder Modelwatch should keep its data in.");
        }

        return Path.Combine(localData, "modelwatch");
    }
}
