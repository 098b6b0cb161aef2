using System.CommandLine;

namespace Modelwatch.Cli.Commands.Catalog;

/// <summary>The <c>--format</c> option of the catalog verbs, checked against its choices.</summary>
internal static class CatalogFormats
{
    public static Option<string> Option(string description, params string[] choices)
    {
        var option = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => choices[0], HelpName = string.Join('|', choices) };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!choices.Contains(value))
            {
                result.AddError($"--format '{value}' is not one of {string.Join(", ", choices)}.");
            }
        });
        option.CompletionSources.Add(choices);
        return option;
    }
}
