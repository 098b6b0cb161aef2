namespace Modelwatch.Cli;

/// <summary>Process exit codes, documented in <c>modelwatch --help</c> and the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad command line (System.CommandLine's own code for parse errors).</summary>
    public const int Usage = 1;

    /// <summary>The input file is unreadable or invalid (the message names file, line and field).</summary>
    public const int InvalidInput = 2;

    /// <summary>The request does not fit the data (unknown category or model, a filter needing a missing column).</summary>
    public const int InvalidRequest = 3;

    /// <summary>A catalog source could not be read or stored; the catalog is unchanged and the source's status shows the failure.</summary>
    public const int SourceFailed = 4;

    /// <summary>The database cannot be reached or refused the work (the message says which database, without secrets).</summary>
    public const int DatabaseError = 5;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
