namespace Modelwatch.Cli.Output;

public enum OutputFormat
{
    Table,
    Csv,
    Json,
    Markdown,
}
