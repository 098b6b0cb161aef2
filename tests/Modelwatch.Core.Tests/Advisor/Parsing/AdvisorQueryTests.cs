using Modelwatch.Core.Advisor;
using Modelwatch.Core.Advisor.Parsing;

namespace Modelwatch.Core.Tests.Advisor.Parsing;

public sealed class AdvisorQueryTests
{
    private static AdvisorRequest Parse(params (string Key, string? Value)[] fields) =>
        AdvisorQuery.Parse(fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));

    private static AdvisorQueryException Fails(params (string Key, string? Value)[] fields) =>
        Assert.Throws<AdvisorQueryException>(() => Parse(fields));

    [Fact]
    public void No_fields_is_the_default_question()
    {
        var request = Parse();
        var defaults = new AdvisorRequest();

        Assert.Equal(UseCase.General, request.UseCase);
        Assert.Null(request.Language);
        Assert.Equal(defaults.Weights, request.Weights);
        Assert.Equal(defaults.RatingSource, request.RatingSource);
        Assert.Equal(defaults.Picks, request.Picks);
        Assert.False(request.Constraints.SelfHost || request.Constraints.Commercial || request.Constraints.ToolCalling);
        Assert.Null(request.Constraints.MinContext);
        Assert.Empty(request.Constraints.InputModalities);
        Assert.Null(request.Constraints.Monthly);
    }

    [Theory]
    [InlineData("general", UseCase.General)]
    [InlineData("coding", UseCase.Coding)]
    [InlineData("math", UseCase.Math)]
    [InlineData("creative-writing", UseCase.CreativeWriting)]
    [InlineData("instruction-following", UseCase.InstructionFollowing)]
    [InlineData("long-documents", UseCase.LongDocuments)]
    [InlineData("multimodal", UseCase.Multimodal)]
    [InlineData("agentic", UseCase.AgenticToolUse)]
    [InlineData(" Creative_Writing ", UseCase.CreativeWriting)]
    public void Use_reads_every_use_case_in_kebab_case(string text, UseCase expected)
    {
        Assert.Equal(expected, Parse(("use", text)).UseCase);
    }

    [Fact]
    public void Every_use_case_has_a_name_that_reads_back()
    {
        foreach (var useCase in Enum.GetValues<UseCase>())
        {
            Assert.Equal(useCase, UseCaseNames.Find(UseCaseNames.Of(useCase)));
        }

        Assert.Equal(Enum.GetValues<UseCase>().Length, UseCaseNames.All.Distinct().Count());
    }

    [Fact]
    public void Language_needs_and_implies_the_language_use_case()
    {
        var korean = Parse(("use", "language"), ("language", " Korean "));
        Assert.Equal(UseCase.Language, korean.UseCase);
        Assert.Equal("korean", korean.Language);

        Assert.Equal(UseCase.Language, Parse(("language", "german")).UseCase);
        Assert.Equal("language", Fails(("use", "language")).Field);
        Assert.Equal("language", Fails(("use", "coding"), ("language", "korean")).Field);
        Assert.Equal("language", Fails(("language", "kor3an")).Field);
    }

    [Fact]
    public void Yes_no_fields_read_the_usual_spellings()
    {
        foreach (var (text, expected) in new[] { ("true", true), ("YES", true), ("on", true), ("1", true), ("false", false), ("no", false), ("off", false), ("0", false) })
        {
            var request = Parse(("self-host", text), ("commercial", text), ("tools", text), ("published-only", text));
            Assert.Equal(expected, request.Constraints.SelfHost);
            Assert.Equal(expected, request.Constraints.Commercial);
            Assert.Equal(expected, request.Constraints.ToolCalling);
            Assert.Equal(expected, request.RatingSource.PublishedOnly);
        }
    }

    [Theory]
    [InlineData("128000", 128_000)]
    [InlineData("128k", 128_000)]
    [InlineData("128K", 128_000)]
    [InlineData("1M", 1_000_000)]
    [InlineData("1.5m", 1_500_000)]
    [InlineData("2_000_000", 2_000_000)]
    public void Min_context_reads_token_counts_with_suffixes(string text, int expected)
    {
        Assert.Equal(expected, Parse(("min-context", text)).Constraints.MinContext);
    }

    [Fact]
    public void Modalities_are_comma_lists_or_repeated_lower_case_without_text()
    {
        var request = Parse(("input", "Image, audio"), ("input", "pdf,image"), ("output", "text,image"));
        Assert.Equal(["image", "audio", "pdf"], request.Constraints.InputModalities);
        Assert.Equal(["image"], request.Constraints.OutputModalities);
        Assert.Equal("input", Fails(("input", "image;audio")).Field);
    }

    [Fact]
    public void Prices_budgets_latency_weights_source_and_picks_are_read()
    {
        var request = Parse(
            ("max-price", "$2.5"), ("monthly-budget", "40"), ("monthly-input", "5M"), ("monthly-output", "200k"),
            ("max-latency", "800ms"), ("w-quality", "2"), ("w-price", "0"), ("w-speed", "0.25"), ("dataset", " arena-140k "), ("picks", "12"));

        Assert.Equal(2.5m, request.Constraints.MaxPricePerMillion);
        Assert.Equal(new MonthlyBudget(40m, 5_000_000, 200_000), request.Constraints.Monthly);
        Assert.Equal(0.8, request.Constraints.MaxLatencySeconds);
        Assert.Equal(new AdvisorWeights(2, 0, 0.25), request.Weights);
        Assert.Equal(new RatingSourceChoice("arena-140k", false), request.RatingSource);
        Assert.Equal(12, request.Picks);
        Assert.Equal(1.5, Parse(("max-latency", "1.5s")).Constraints.MaxLatencySeconds);
        Assert.Equal(new MonthlyBudget(10m, 0, 1_000_000), Parse(("monthly-budget", "10"), ("monthly-output", "1M")).Constraints.Monthly);
    }

    [Fact]
    public void Blank_values_are_not_given_as_an_empty_form_field_is()
    {
        var request = Parse(("use", ""), ("min-context", " "), ("max-price", null), ("self-host", ""), ("input", ""));
        Assert.Equal(UseCase.General, request.UseCase);
        Assert.Null(request.Constraints.MinContext);
        Assert.Null(request.Constraints.MaxPricePerMillion);
        Assert.False(request.Constraints.SelfHost);
    }

    [Theory]
    [InlineData("use", "poetry", "poetry")]
    [InlineData("self-host", "maybe", "maybe")]
    [InlineData("commercial", "2", "'2'")]
    [InlineData("tools", "y", "'y'")]
    [InlineData("min-context", "lots", "lots")]
    [InlineData("min-context", "1.5", "whole number")]
    [InlineData("min-context", "0", "out of range")]
    [InlineData("min-context", "3B", "out of range")]
    [InlineData("max-price", "-1", "'-1'")]
    [InlineData("max-price", "cheap", "cheap")]
    [InlineData("monthly-budget", "€40", "€40")]
    [InlineData("max-latency", "0", "above 0")]
    [InlineData("max-latency", "fast", "fast")]
    [InlineData("w-quality", "-1", "0 or more")]
    [InlineData("w-price", "NaN", "NaN")]
    [InlineData("w-speed", "lots", "lots")]
    [InlineData("picks", "0", "1 to 50")]
    [InlineData("picks", "51", "1 to 50")]
    [InlineData("published-only", "sometimes", "sometimes")]
    [InlineData("language", "日本語", "language name")]
    public void A_bad_value_is_an_error_naming_its_field_and_the_value(string field, string value, string said)
    {
        var error = Fails((field, value));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(said, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_that_contradict_each_other_name_the_one_to_fix()
    {
        Assert.Equal("monthly-budget", Fails(("monthly-input", "5M")).Field);
        Assert.Equal("monthly-budget", Fails(("monthly-output", "5M")).Field);
        Assert.Equal("monthly-input", Fails(("monthly-budget", "40")).Field);
        Assert.Equal("monthly-input", Fails(("monthly-budget", "40"), ("monthly-input", "0")).Field);
        Assert.Equal("w-quality", Fails(("w-quality", "0"), ("w-price", "0"), ("w-speed", "0")).Field);
        Assert.Equal("published-only", Fails(("dataset", "arena-140k"), ("published-only", "true")).Field);
    }

    [Fact]
    public void An_unknown_or_repeated_field_is_named()
    {
        var unknown = Fails(("min_context", "128k"));
        Assert.Equal("min_context", unknown.Field);
        Assert.Contains("min-context", unknown.Problem, StringComparison.Ordinal);

        var twice = Fails(("use", "coding"), ("use", "math"));
        Assert.Equal("use", twice.Field);
        Assert.Contains("'coding' and 'math'", twice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_read_in_any_case()
    {
        Assert.Equal(UseCase.Math, Parse(("USE", "math")).UseCase);
    }

    [Fact]
    public void Every_documented_key_is_read()
    {
        // One value per key that differs from the default; a key the parser ignored would leave the request at its default.
        var values = new Dictionary<string, string>
        {
            ["use"] = "language",
            ["language"] = "korean",
            ["self-host"] = "true",
            ["commercial"] = "true",
            ["min-context"] = "32k",
            ["input"] = "image",
            ["output"] = "audio",
            ["tools"] = "true",
            ["max-price"] = "3",
            ["monthly-budget"] = "50",
            ["monthly-input"] = "1M",
            ["monthly-output"] = "100k",
            ["max-latency"] = "2",
            ["w-quality"] = "3",
            ["w-price"] = "1",
            ["w-speed"] = "1",
            ["dataset"] = "arena-140k",
            ["published-only"] = "false",
            ["picks"] = "7",
        };
        // eval-run and eval-tag choose another quality source than dataset; they are read in their own test below.
        string[] evalKeys = ["eval-run", "eval-tag"];
        Assert.Equal(AdvisorQueryKeys.All.Select(k => k.Key).Except(evalKeys).Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));

        var defaults = AdvisorQuery.ToFields(new AdvisorRequest()).ToDictionary(f => f.Key, f => f.Value);
        var fields = AdvisorQuery.ToFields(Parse([.. values.Select(v => (v.Key, (string?)v.Value))])).ToDictionary(f => f.Key, f => f.Value);
        foreach (var (key, value) in values.Where(v => v.Key != "published-only"))
        {
            Assert.True(fields.TryGetValue(key, out var written), $"{key} was not read");
            Assert.NotEqual(defaults.GetValueOrDefault(key), written);
        }

        Assert.True(Parse(("published-only", "true")).RatingSource.PublishedOnly);
    }

    [Fact]
    public void An_evaluation_run_is_a_quality_source_of_its_own()
    {
        var request = Parse(("eval-run", "12"), ("eval-tag", " coding "));
        Assert.Equal(new RatingSourceChoice(null, false, 12, "coding"), request.RatingSource);
        Assert.Equal(request, Parse([.. AdvisorQuery.ToFields(request).Select(f => (f.Key, (string?)f.Value))]));
        Assert.Contains("--eval-run 12 --eval-tag coding", AdvisorQuery.ToCommandLine(request), StringComparison.Ordinal);

        Assert.Equal("eval-run", Fails(("eval-run", "12"), ("dataset", "arena-140k")).Field);
        Assert.Equal("eval-run", Fails(("eval-run", "12"), ("published-only", "true")).Field);
        Assert.Equal("eval-run", Fails(("eval-run", "0")).Field);
        Assert.Equal("eval-run", Fails(("eval-run", "twelve")).Field);
        Assert.Equal("eval-tag", Fails(("eval-tag", "coding")).Field);
    }

    [Fact]
    public void To_query_writes_only_what_differs_from_the_defaults()
    {
        var request = new AdvisorRequest
        {
            UseCase = UseCase.Coding,
            Constraints = new AdvisorConstraints { SelfHost = true, MinContext = 128_000, InputModalities = ["image"] },
        };

        Assert.Equal("use=coding&self-host=true&min-context=128k&input=image", AdvisorQuery.ToQuery(request));
        Assert.Equal("use=general", AdvisorQuery.ToQuery(new AdvisorRequest()));
        Assert.Equal("modelwatch advise --use coding --self-host --min-context 128k --input image", AdvisorQuery.ToCommandLine(request));
        Assert.Equal("modelwatch advise --use general --dataset 'my votes'", AdvisorQuery.ToCommandLine(new AdvisorRequest { RatingSource = new RatingSourceChoice("my votes") }));
    }

    [Fact]
    public void Random_questions_survive_the_round_trip_through_the_query_string()
    {
        var random = new Random(20261204);
        for (var i = 0; i < 500; i++)
        {
            var request = RandomRequest(random);
            var query = AdvisorQuery.ToQuery(request);
            var back = AdvisorQuery.Parse(QueryFields(query));

            Assert.Equal(Describe(request), Describe(back));
            Assert.Equal(query, AdvisorQuery.ToQuery(back));
        }
    }

    /// <summary>Splits a query string as a web server does: on '&amp;' and the first '=', unescaped.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> QueryFields(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            return new KeyValuePair<string, string?>(Uri.UnescapeDataString(pair[..at]), Uri.UnescapeDataString(pair[(at + 1)..]));
        });

    /// <summary>Every value of a request, lists included (records compare lists by reference).</summary>
    private static string Describe(AdvisorRequest r)
    {
        var c = r.Constraints;
        return string.Join('|', r.UseCase, r.Language, c.SelfHost, c.Commercial, c.MinContext, string.Join(',', c.InputModalities), string.Join(',', c.OutputModalities),
            c.ToolCalling, c.MaxPricePerMillion, c.Monthly, c.MaxLatencySeconds?.ToString("R", System.Globalization.CultureInfo.InvariantCulture), r.Weights, r.RatingSource, r.Picks);
    }

    private static AdvisorRequest RandomRequest(Random random)
    {
        var useCase = Enum.GetValues<UseCase>()[random.Next(Enum.GetValues<UseCase>().Length)];
        string[] modalities = ["image", "audio", "video", "pdf"];
        IReadOnlyList<string> Some() => [.. modalities.Where(_ => random.Next(3) == 0)];
        bool Coin() => random.Next(2) == 0;
        var weights = new AdvisorWeights(random.Next(4) * 0.5, Math.Round(random.NextDouble(), 3), random.Next(3) == 0 ? 0 : random.NextDouble());
        if (weights.Quality + weights.Price + weights.Speed == 0)
        {
            weights = weights with { Quality = 1 };
        }

        var dataset = Coin() ? "votes " + random.Next(100) : null;
        return new AdvisorRequest
        {
            UseCase = useCase,
            Language = useCase == UseCase.Language ? (Coin() ? "korean" : "chinese_simplified") : null,
            Constraints = new AdvisorConstraints
            {
                SelfHost = Coin(),
                Commercial = Coin(),
                MinContext = Coin() ? random.Next(1, 2_000_000) : null,
                InputModalities = Some(),
                OutputModalities = Some(),
                ToolCalling = Coin(),
                MaxPricePerMillion = Coin() ? Math.Round((decimal)random.NextDouble() * 30, random.Next(5)) : null,
                Monthly = Coin() ? new MonthlyBudget(random.Next(1, 10_000), random.Next(1, 50) * 100_000L, random.Next(0, 3) * 1_234L) : null,
                MaxLatencySeconds = Coin() ? random.NextDouble() * 10 + 0.001 : null,
            },
            Weights = weights,
            RatingSource = new RatingSourceChoice(dataset, dataset is null && Coin()),
            Picks = random.Next(1, AdvisorQueryKeys.MostPicks + 1),
        };
    }
}
