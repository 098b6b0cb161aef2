using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Modelwatch.Core.Arena;
using Modelwatch.Core.Catalog;
using Modelwatch.Data;
using Modelwatch.Data.Catalog;
using Modelwatch.Providers;
using Modelwatch.Testing.Database;
using Modelwatch.Testing.Providers;
using Modelwatch.Testing.Web;
using Modelwatch.Web.Features.Arena.Providers;
using Modelwatch.Web.Tests.Features.Account;
using static Modelwatch.Web.Tests.Features.Arena.Providers.ProviderTestSupport;

namespace Modelwatch.Web.Tests.Features.Arena.Providers;

public sealed class ProvidersTests
{
    private static Task<StreamedAnswer> AskAsync(WebApp app, ContestantInfo contestant)
    {
        var call = app.Services.GetRequiredService<ArenaContestants>().Call(contestant) ?? throw new InvalidOperationException("no client");
        return app.Services.GetRequiredService<MeasuredStreaming>()
            .StreamAsync(call.Options, call.Client, [new ChatMessage(ChatRole.User, "Say hello.")], null, null, Cancel);
    }

    [Theory, BothDatabases]
    public async Task Discovered_and_configured_models_become_contestants_linked_to_the_catalog_with_slots(DatabaseProvider provider)
    {
        await using var fake = await FakeOpenAiServer.StartNewAsync();
        fake.Models = ["fake-small", "fake-large", "vision-1"];
        var settings = Settings("local", fake.BaseUrl, "configured-only", "fake-small");
        settings["Modelwatch:Arena:Providers:0:MaxConcurrency"] = "2";
        await using var app = await WebApp.StartAsync(provider, settings);
        await using (var db = app.Database.CreateContext())
        {
            db.Models.Add(new CatalogModel { Id = "acme/vision-one", Lab = "acme", CreatedBySource = "overrides", InputModalities = "text,image" });
            db.Aliases.Add(new ModelAlias { Source = "overrides", ExternalId = "vision-1", ModelId = "acme/vision-one", Review = ReviewState.Accepted });
            await db.SaveChangesAsync(Cancel);
        }

        var contestants = await ContestantsAsync(app.Client);

        Assert.Equal(["local/configured-only", "local/fake-large", "local/fake-small", "local/vision-1"],
            contestants.Select(c => c.GetProperty("boardName").GetString()));
        Assert.All(contestants, c => Assert.True(c.GetProperty("available").GetBoolean()));
        var vision = contestants.Single(c => c.GetProperty("model").GetString() == "vision-1");
        Assert.Equal("acme/vision-one", vision.GetProperty("catalogModelId").GetString());
        Assert.True(vision.GetProperty("acceptsImages").GetBoolean());
        Assert.False(contestants.Single(c => c.GetProperty("model").GetString() == "fake-small").GetProperty("acceptsImages").GetBoolean());
        await using (var db = app.Database.CreateContext())
        {
            var rows = await db.ArenaContestants.AsNoTracking().ToListAsync(Cancel);
            Assert.Equal(4, rows.Count);
            Assert.All(rows, r => Assert.NotEqual(default, r.FirstSeen));
        }

        var local = await ProviderAsync(app.Client, "local");
        Assert.Equal("configuration", local.GetProperty("source").GetString());
        Assert.Equal("discovered", local.GetProperty("modelSource").GetString());
        Assert.Equal("OpenAiCompatible", local.GetProperty("kind").GetString());
        Assert.False(local.GetProperty("keySet").GetBoolean());

        // Slots: two at once, the third refused until one is given back.
        var arena = app.Services.GetRequiredService<ArenaContestants>();
        var first = arena.TryAcquireSlot("local");
        using var second = arena.TryAcquireSlot("local");
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(arena.TryAcquireSlot("local"));
        Assert.Equal(2, (await ProviderAsync(app.Client, "local")).GetProperty("slotsInUse").GetInt32());
        first.Dispose();
        using var third = arena.TryAcquireSlot("local");
        Assert.NotNull(third);
        Assert.Null(arena.TryAcquireSlot("nobody"));

        // An administrator takes one out of the draw and relinks another; unknown catalog ids are refused.
        var fakeLarge = contestants.Single(c => c.GetProperty("model").GetString() == "fake-large").GetProperty("id").GetInt32();
        using (var off = await app.Client.PutAsJsonAsync($"api/arena/contestants/{fakeLarge}", new { enabled = false }, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        Assert.DoesNotContain("local/fake-large", (await ContestantsAsync(app.Client)).Select(c => c.GetProperty("boardName").GetString()));
        var info = await arena.FindAsync(fakeLarge, Cancel);
        Assert.False(info!.Available);
        Assert.Equal("disabled by an administrator", info.Unavailable);
        using (var bad = await app.Client.PutAsJsonAsync($"api/arena/contestants/{fakeLarge}", new { catalogModelId = "nobody/nothing" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
    }

    [Theory, BothDatabases]
    public async Task A_failing_listing_shows_as_the_providers_status_and_the_page_still_answers(DatabaseProvider provider)
    {
        await using var fake = await FakeOpenAiServer.StartNewAsync();
        // A base URL without a model listing (404): the configured model is still offered.
        await using var app = await WebApp.StartAsync(provider, Settings("nolist", new Uri(fake.Root, "/broken/v1"), "configured-only"));

        using var page = await app.Client.GetAsync("arena/providers", Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-provider=\"nolist\"", html, StringComparison.Ordinal);
        Assert.Contains("data-model-source=\"configured\"", html, StringComparison.Ordinal);
        Assert.Contains("data-model-problem=\"HTTP 404\"", html, StringComparison.Ordinal);
        var nolist = await ProviderAsync(app.Client, "nolist");
        Assert.Equal("HTTP 404", nolist.GetProperty("modelProblem").GetString());
        Assert.Equal(["configured-only"], nolist.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["nolist/configured-only"], (await ContestantsAsync(app.Client)).Select(c => c.GetProperty("boardName").GetString()));
    }

    [Theory, BothDatabases]
    public async Task Repeated_500s_open_the_circuit_and_the_contestant_becomes_unavailable(DatabaseProvider provider)
    {
        await using var fake = await FakeOpenAiServer.StartNewAsync();
        var settings = Settings("down", fake.BaseUrl);
        settings["Modelwatch:Arena:Providers:0:MaxRetries"] = "2";
        settings["Modelwatch:Arena:Providers:0:CircuitMinimumThroughput"] = "2";
        await using var app = await WebApp.StartAsync(provider, settings);
        var arena = app.Services.GetRequiredService<ArenaContestants>();
        var contestant = (await arena.ListAsync(Cancel)).Single(c => c.Model == "fake-small");
        Assert.True(contestant.Available);
        fake.Mode = FakeMode.AlwaysFail;

        var answer = await AskAsync(app, contestant);

        Assert.Equal(AnswerOutcome.Failed, answer.Outcome);
        var after = (await arena.ListAsync(Cancel)).Single(c => c.Model == "fake-small");
        Assert.False(after.Available);
        Assert.Equal("provider's circuit is open after repeated failures", after.Unavailable);
        var down = await ProviderAsync(app.Client, "down");
        Assert.Equal("Open", down.GetProperty("circuit").GetString());
        // The last failure is the server's status, or the breaker refusing the last retry once it opened.
        Assert.Contains(down.GetProperty("lastError").GetString(), new[] { "HTTP 500", "BrokenCircuitException" });
        Assert.True(down.GetProperty("failures").GetInt64() >= 1);
        Assert.Equal(JsonValueKind.String, down.GetProperty("lastFailure").ValueKind);
        using var page = await app.Client.GetAsync("arena/providers", Cancel);
        Assert.Contains("data-circuit=\"Open\"", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_stored_provider_keeps_its_key_encrypted_and_out_of_pages_responses_and_logs(DatabaseProvider provider)
    {
        const string OpenAiKey = "sk-stored-0123456789-secret";
        const string AnthropicKey = "sk-ant-stored-9876543210-secret";
        await using var openAi = await FakeOpenAiServer.StartNewAsync();
        await using var anthropic = await FakeAnthropicServer.StartNewAsync();
        var logs = new CapturedLogs();
        var keyRing = Directory.CreateTempSubdirectory("modelwatch-keyring-");
        var settings = Settings();
        settings[ProvidersSetup.KeyRingSetting] = keyRing.FullName;
        await using var app = await WebApp.StartAsync(provider, settings, CapturedLogs.Into(logs));

        string created;
        using (var post = await PostJsonAsync(app.Client, "api/arena/providers", new
        {
            name = "stored",
            kind = "OpenAiCompatible",
            baseUrl = openAi.BaseUrl.ToString(),
            apiKey = OpenAiKey,
            models = new[] { "fake-small" },
            maxConcurrency = 3,
        }))
        {
            created = await post.Content.ReadAsStringAsync(Cancel);
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        }

        using (var post = await PostJsonAsync(app.Client, "api/arena/providers", new
        {
            name = "claude",
            kind = "Anthropic",
            baseUrl = anthropic.Root.ToString(),
            apiKey = AnthropicKey,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        }

        // The database holds ciphertext only.
        await using (var db = app.Database.CreateContext())
        {
            var rows = await db.ArenaProviders.AsNoTracking().OrderBy(p => p.Name).ToListAsync(Cancel);
            Assert.Equal(["claude", "stored"], rows.Select(r => r.Name));
            foreach (var row in rows)
            {
                Assert.NotNull(row.ProtectedApiKey);
                var everything = JsonSerializer.Serialize(row);
                Assert.DoesNotContain(OpenAiKey, everything, StringComparison.Ordinal);
                Assert.DoesNotContain(AnthropicKey, everything, StringComparison.Ordinal);
            }
        }

        // The key ring is where the setting says, apart from the database.
        Assert.NotEmpty(keyRing.GetFiles("key-*.xml"));

        // The providers still authenticate with the keys: bearer for OpenAI-compatible, x-api-key for Anthropic.
        var arena = app.Services.GetRequiredService<ArenaContestants>();
        var contestants = await arena.ListAsync(Cancel);
        var stored = contestants.Single(c => c.BoardName == "stored/fake-small");
        Assert.Equal(AnswerOutcome.Completed, (await AskAsync(app, stored)).Outcome);
        Assert.Equal("Bearer " + OpenAiKey, openAi.LastHeaders["Authorization"]);
        var claude = contestants.Single(c => c.BoardName == "claude/" + FakeAnthropicServer.Model);
        Assert.Equal(AnswerOutcome.Completed, (await AskAsync(app, claude)).Outcome);
        Assert.Equal(AnthropicKey, anthropic.LastHeaders["x-api-key"]);
        Assert.False(anthropic.LastHeaders.ContainsKey("Authorization"));

        // A change without a key keeps the key.
        using (var put = await app.Client.PutAsJsonAsync("api/arena/providers/stored", new
        {
            name = "stored",
            kind = "OpenAiCompatible",
            baseUrl = openAi.BaseUrl.ToString(),
            models = new[] { "fake-small" },
            maxConcurrency = 5,
        }, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var requestsBefore = openAi.ChatRequests;
        Assert.Equal(AnswerOutcome.Completed, (await AskAsync(app, (await arena.ListAsync(Cancel)).Single(c => c.BoardName == "stored/fake-small"))).Outcome);
        Assert.Equal(requestsBefore + 1, openAi.ChatRequests);
        Assert.Equal("Bearer " + OpenAiKey, openAi.LastHeaders["Authorization"]);

        // No page or response shows the keys; the edit form says a key is set.
        var responses = new List<string> { created };
        foreach (var url in new[] { "api/arena/providers", "api/arena/providers/stored", "api/arena/contestants?all=true", "arena/providers", "arena/providers?edit=stored", "arena/providers?edit=claude" })
        {
            using var response = await app.Client.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            responses.Add(await response.Content.ReadAsStringAsync(Cancel));
        }

        Assert.Contains("id=\"provider-key-set\"", responses[5], StringComparison.Ordinal);
        var storedView = await ProviderAsync(app.Client, "stored");
        Assert.Equal("app", storedView.GetProperty("source").GetString());
        Assert.True(storedView.GetProperty("keySet").GetBoolean());
        Assert.Equal(5, storedView.GetProperty("maxConcurrency").GetInt32());
        foreach (var text in responses)
        {
            Assert.DoesNotContain(OpenAiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AnthropicKey, text, StringComparison.Ordinal);
        }

        // Nor do the logs, at every level (they did record the traffic).
        Assert.True(logs.Count > 0);
        Assert.Contains("arena/providers", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenAiKey, logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(AnthropicKey, logs.Text, StringComparison.Ordinal);

        // Disabled, then deleted: its contestants leave the draw.
        using (var delete = await app.Client.DeleteAsync("api/arena/providers/stored", Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.DoesNotContain((await arena.ListAsync(Cancel)), c => c.Provider == "stored");
        using var again = await app.Client.DeleteAsync("api/arena/providers/stored", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        keyRing.Delete(recursive: true);
    }

    [Theory, BothDatabases]
    public async Task Bad_provider_input_is_a_400_naming_the_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var fake = await FakeOpenAiServer.StartNewAsync();
        await using var app = await WebApp.StartAsync(provider, Settings("local", fake.BaseUrl));
        var url = fake.BaseUrl.ToString();
        using (var ok = await PostJsonAsync(app.Client, "api/arena/providers", new { name = "taken", kind = "openai", baseUrl = url }))
        {
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        (object Body, string Field)[] cases =
        [
            (new { name = "a", kind = "openai", baseUrl = "not a url" }, "baseUrl"),
            (new { name = "a", kind = "openai", baseUrl = "ftp://example.com/v1" }, "baseUrl"),
            (new { name = "a", kind = "gemini", baseUrl = url }, "kind"),
            (new { name = " ", kind = "openai", baseUrl = url }, "name"),
            (new { name = "taken", kind = "openai", baseUrl = url }, "name"),
            (new { name = "local", kind = "openai", baseUrl = url }, "name"),
            (new { name = "a", kind = "openai", baseUrl = url, maxConcurrency = -1 }, "maxConcurrency"),
        ];
        foreach (var (body, field) in cases)
        {
            using var response = await PostJsonAsync(app.Client, "api/arena/providers", body);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(text);
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {text}");
        }

        // The page's form: the same check, shown next to the field.
        using var client = new AccountClient(app);
        using var form = await client.PostFormAsync("arena/providers", "arena/providers?handler=Save",
            [new("Name", "formbad"), new("Kind", "OpenAiCompatible"), new("BaseUrl", "nonsense"), new("MaxConcurrency", "4"),
             new("FirstTokenTimeoutSeconds", "30"), new("TotalTimeoutSeconds", "180"), new("MaxRetries", "1"), new("Enabled", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("id=\"provider-url-error\"", await form.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        Assert.Equal(["taken"], await db.ArenaProviders.Select(p => p.Name).ToListAsync(Cancel));
    }

    [Theory, BothDatabases]
    public async Task A_provider_stored_by_another_instance_is_picked_up_and_the_form_adds_one_from_a_preset(DatabaseProvider provider)
    {
        await using var fake = await FakeOpenAiServer.StartNewAsync();
        await using var app = await WebApp.StartAsync(provider, Settings());
        var keys = app.Services.GetRequiredService<ProviderKeys>();
        Assert.Empty(await ContestantsAsync(app.Client));

        // Another instance writes the table directly; this one notices within the check interval.
        await using (var db = app.Database.CreateContext())
        {
            db.ArenaProviders.Add(new Modelwatch.Data.Arena.ArenaProviderRow
            {
                Name = "elsewhere",
                BaseUrl = fake.BaseUrl.ToString(),
                ProtectedApiKey = keys.Protect("k-elsewhere"),
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Cancel);
        }

        var deadline = DateTime.UtcNow + StoredProviders.CheckInterval + TimeSpan.FromSeconds(5);
        List<JsonElement> seen;
        do
        {
            await Task.Delay(250, Cancel);
            seen = await ContestantsAsync(app.Client);
        }
        while (seen.Count == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(["elsewhere/fake-large", "elsewhere/fake-small"], seen.Select(c => c.GetProperty("boardName").GetString()));

        // The form: a preset fills the base URL when it is left empty.
        using var client = new AccountClient(app);
        using var saved = await client.PostFormAsync("arena/providers", "arena/providers?handler=Save",
            [new("Preset", "ollama"), new("Name", "ollama"), new("Kind", "OpenAiCompatible"), new("BaseUrl", ""), new("MaxConcurrency", "1"),
             new("FirstTokenTimeoutSeconds", "30"), new("TotalTimeoutSeconds", "180"), new("MaxRetries", "0"), new("Enabled", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var check = app.Database.CreateContext();
        Assert.Equal("http://127.0.0.1:11434/v1", (await check.ArenaProviders.SingleAsync(p => p.Name == "ollama", Cancel)).BaseUrl);
    }

    [Theory, BothDatabases]
    public async Task Only_administrators_change_providers(DatabaseProvider provider)
    {
        var settings = Settings();
        settings["Modelwatch:Access:Mode"] = "Team";
        await using var app = await WebApp.StartAsync(provider, settings);
        using var admin = new AccountClient(app);
        using (var setup = await admin.PostFormAsync("account/setup", "account/setup", [new("UserName", "ada"), new("Password", "correct horse battery"), new("Confirm", "correct horse battery")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        }

        using (var created = await admin.PostFormAsync("account/users", "account/users?handler=Create", [new("UserName", "bob"), new("Password", "staple paper clip 42"), new("Role", "Member")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var member = new AccountClient(app);
        using (var signedIn = await member.SignInAsync("bob", "staple paper clip 42"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var body = new { name = "mine", kind = "openai", baseUrl = "http://127.0.0.1:9/v1" };
        using (var refused = await PostJsonAsync(member.Http, "api/arena/providers", body))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var page = await member.Http.GetAsync("arena/providers", Cancel))
        {
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }

        using (var read = await member.Http.GetAsync("api/arena/providers", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using (var allowed = await PostJsonAsync(admin.Http, "api/arena/providers", body))
        {
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        }

        await using var db = app.Database.CreateContext();
        Assert.Equal(["mine"], await db.ArenaProviders.Select(p => p.Name).ToListAsync(Cancel));
    }
}
