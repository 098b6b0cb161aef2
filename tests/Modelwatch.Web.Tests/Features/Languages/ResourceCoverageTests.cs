using System.Text.RegularExpressions;
using System.Xml.Linq;
using Modelwatch.Testing;

namespace Modelwatch.Web.Tests.Features.Languages;

/// <summary>
/// Every string a page or endpoint passes to its localizer (<c>T["…"]</c>) is in that feature's neutral resource file
/// and in every translation, and no translation lacks a key of its neutral file: a page never falls back to English
/// half-way in Korean. Reads the source tree, so it covers pages no other test opens.
/// </summary>
public sealed partial class ResourceCoverageTests
{
    [Fact]
    public void Every_localized_string_in_the_web_app_is_translated_in_every_language()
    {
        var features = Path.Combine(SharedData.RepositoryRoot, "src", "Modelwatch.Web", "Features");
        var problems = new List<string>();
        var used = 0;
        foreach (var file in Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var localizer = LocalizerType().Match(text);
            if (!localizer.Success)
            {
                continue;
            }

            var marker = localizer.Groups[1].Value.Split('.')[^1];
            var resx = Directory.EnumerateFiles(features, marker + ".resx", SearchOption.AllDirectories).SingleOrDefault();
            if (resx is null)
            {
                problems.Add($"{Relative(file)}: no {marker}.resx for its localizer");
                continue;
            }

            var neutral = Keys(resx);
            var translations = Translations(resx);
            foreach (Match use in LocalizedString().Matches(text))
            {
                used++;
                var key = Regex.Unescape(use.Groups[1].Value);
                if (use.Groups[2].Success)
                {
                    // T["kind: " + kind]: a family of keys; at least one must exist (translations are checked below).
                    if (!neutral.Any(k => k.StartsWith(key, StringComparison.Ordinal)))
                    {
                        problems.Add($"{Relative(file)}: no key starting \"{key}\" in {marker}.resx");
                    }

                    continue;
                }

                if (!neutral.Contains(key))
                {
                    problems.Add($"{Relative(file)}: \"{key}\" is not in {marker}.resx");
                }

                foreach (var (language, keys) in translations)
                {
                    if (!keys.Contains(key))
                    {
                        problems.Add($"{Relative(file)}: \"{key}\" has no {language} translation in {marker}.{language}.resx");
                    }
                }
            }
        }

        foreach (var resx in Directory.EnumerateFiles(features, "*.resx", SearchOption.AllDirectories).Where(f => Path.GetFileName(f).Count(c => c == '.') == 1))
        {
            var neutral = Keys(resx);
            foreach (var (language, keys) in Translations(resx))
            {
                problems.AddRange(neutral.Except(keys).Select(k => $"{Path.GetFileName(resx)}: \"{k}\" missing from the {language} file"));
            }
        }

        Assert.True(used > 20, $"only {used} localized strings found; is the scan looking in the right place ({features})?");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static List<(string Language, HashSet<string> Keys)> Translations(string neutralResx)
    {
        var folder = Path.GetDirectoryName(neutralResx)!;
        var stem = Path.GetFileNameWithoutExtension(neutralResx);
        return [.. Directory.EnumerateFiles(folder, stem + ".*.resx").Select(f => (Path.GetFileName(f)[(stem.Length + 1)..^5], Keys(f)))];
    }

    private static string Relative(string path) => Path.GetRelativePath(SharedData.RepositoryRoot, path);


    [GeneratedRegex(@"IStringLocalizer<([\w.]+Text)>")]
    private static partial Regex LocalizerType();

    [GeneratedRegex(@"\bT\[""((?:[^""\\]|\\.)*)""(\s*\+)?")]
    private static partial Regex LocalizedString();
}
