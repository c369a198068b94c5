using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Registry;

/// <summary><c>/api/registry</c>: anyone searches by name and looks up a number, and sees only what the registry shows.</summary>
public sealed class RegistryApiTests
{
    private static async Task<List<string>> NamesAsync(HttpClient client, string q)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/registry?q={Uri.EscapeDataString(q)}");
        return [.. body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
    }

    [Theory, AllDatabases]
    public async Task A_name_is_found_by_the_start_of_any_word_without_case_accents_or_apostrophes(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        await app.ListedAsync("José María García-López", "CPS-000001");
        await app.ListedAsync("Mary O'Brien", "CPS-000002");
        await app.ListedAsync("Zoë Smith-Jones", "CPS-000003");
        await app.ListedAsync("Robert Nguyễn", "CPS-000004", preferredName: "Bobby Nguyễn");
        await app.ListedAsync("Joseph Anderson", "CMPS-000001", program: "missouri-cmps");
        using var client = app.CreateClient();

        Assert.Equal(["Joseph Anderson", "José María García-López"], await NamesAsync(client, "jose"));
        Assert.Equal(["Joseph Anderson", "José María García-López"], await NamesAsync(client, "JOSÉ"));
        Assert.Equal(["José María García-López"], await NamesAsync(client, "maria"));
        Assert.Equal(["José María García-López"], await NamesAsync(client, "garcia lopez j"));
        Assert.Equal(["José María García-López"], await NamesAsync(client, "García-López, José"));
        Assert.Equal(["José María García-López"], await NamesAsync(client, "lopez j"));
        Assert.Empty(await NamesAsync(client, "garcia j"));
        Assert.Equal(["José María García-López"], await NamesAsync(client, "lop"));
        Assert.Equal(["Mary O'Brien"], await NamesAsync(client, "o'b"));
        Assert.Equal(["Mary O'Brien"], await NamesAsync(client, "OB"));
        Assert.Equal(["Mary O'Brien"], await NamesAsync(client, "o’brien"));
        Assert.Equal(["Zoë Smith-Jones"], await NamesAsync(client, "zoe"));
        Assert.Equal(["Zoë Smith-Jones"], await NamesAsync(client, "smith-j"));
        Assert.Equal(["Zoë Smith-Jones"], await NamesAsync(client, "jones"));
        Assert.Equal(["Bobby Nguyễn"], await NamesAsync(client, "robert"));
        Assert.Equal(["Bobby Nguyễn"], await NamesAsync(client, "bob"));
        Assert.Equal(["Bobby Nguyễn"], await NamesAsync(client, "nguyen"));
        Assert.Empty(await NamesAsync(client, "ose"));
        Assert.Empty(await NamesAsync(client, "jose garcia"));
    }

    [Theory, AllDatabases]
    public async Task A_person_matching_twice_is_listed_once_for_each_credential(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        var anna = await app.ListedAsync("Anna Anderson", "CPS-000001");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var missouri = await db.Programs.SingleAsync(p => p.Slug == "missouri-cmps");
            db.Credentials.Add(new Credential { PersonId = anna, ProgramId = missouri.Id, Number = "CMPS-000001", Status = CredentialStatus.Lapsed });
            await db.SaveChangesAsync();
        }

        using var client = app.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/registry?q=an");

        Assert.Equal(["CPS-000001", "CMPS-000001"], body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("number").GetString()));
    }

    [Theory, AllDatabases]
    public async Task Applicants_and_trainees_are_not_listed_and_every_other_status_is(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        var n = 0;
        foreach (var status in CredentialStatuses.All)
        {
            n++;
            await app.ListedAsync($"Pat {status}", $"CPS-{n:000000}", status);
        }

        await app.ListedAsync("Pat Numberless", null, CredentialStatus.Trainee);
        using var client = app.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/registry?q=pat");
        var statuses = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["certified", "inactive", "lapsed", "relinquished", "revoked", "suspended"], statuses);
        n = 0;
        foreach (var status in CredentialStatuses.All)
        {
            n++;
            var lookup = await client.GetAsync($"/api/registry/CPS-{n:000000}");
            Assert.Equal(PeerEthics.Registry.RegistryStatuses.IsListed(status) ? HttpStatusCode.OK : HttpStatusCode.NotFound, lookup.StatusCode);
        }
    }

    [Theory, AllDatabases]
    public async Task A_number_is_looked_up_in_any_case_and_an_unknown_one_is_a_404_problem(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        await app.ListedAsync("Renée Dubois", "CMPS-000042", CredentialStatus.Suspended, program: "missouri-cmps", expiresOn: new DateOnly(2027, 3, 31));
        using var client = app.CreateClient();

        var found = await client.GetFromJsonAsync<JsonElement>("/api/registry/cmps-000042");
        var missing = await client.GetAsync("/api/registry/CMPS-999999");
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("CMPS-000042", found.GetProperty("number").GetString());
        Assert.Equal("Renée Dubois", found.GetProperty("name").GetString());
        Assert.Equal("missouri-cmps", found.GetProperty("programSlug").GetString());
        Assert.Equal("suspended", found.GetProperty("status").GetString());
        Assert.Equal("2027-03-31", found.GetProperty("expiresOn").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("CMPS-999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Results_show_exactly_the_registry_fields_and_nothing_else_about_the_person(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        int organisation, supervisor;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var employer = new Organisation { Name = "Hillside Recovery Center", Email = "office@hillside.example", Phone = "617-555-0100" };
            db.Organisations.Add(employer);
            await db.SaveChangesAsync();
            var boss = new Supervisor { Name = "Quentin Overseer", Email = "quentin@hillside.example", OrganisationId = employer.Id };
            db.Supervisors.Add(boss);
            await db.SaveChangesAsync();
            (organisation, supervisor) = (employer.Id, boss.Id);
        }

        var personId = await app.ListedAsync("Imani Jackson", "CPS-000777", email: "imani.private@example.org", phone: "413-555-0199",
            address: "12 Elm Street, Springfield", organisationId: organisation, supervisorId: supervisor);
        using var client = app.CreateClient();

        var searchText = await client.GetStringAsync("/api/registry?q=imani");
        var entryText = await client.GetStringAsync("/api/registry/CPS-000777");
        var search = JsonDocument.Parse(searchText).RootElement;
        var entry = JsonDocument.Parse(entryText).RootElement;

        string[] fields = ["expiresOn", "name", "number", "program", "programSlug", "publicNotices", "status"];
        Assert.Equal(fields, entry.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(fields, search.GetProperty("results")[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["hasMore", "lastUpdated", "page", "pageSize", "query", "results"], search.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Array, entry.GetProperty("publicNotices").ValueKind);
        Assert.Equal(0, entry.GetProperty("publicNotices").GetArrayLength());
        foreach (var text in new[] { searchText, entryText, await client.GetStringAsync("/registry?q=imani"), await client.GetStringAsync("/registry/CPS-000777") })
        {
            foreach (var secret in new[] { "imani.private", "555-0199", "Elm Street", "Hillside", "Quentin", "hillside.example", "\"id\"", "personId", $"/{personId}\"" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory, AllDatabases]
    public async Task Results_come_twenty_a_page_in_name_order_without_repeats(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        for (var i = 1; i <= 25; i++)
        {
            await app.ListedAsync($"Kim Lee{i:00}", $"CPS-{i:000000}");
        }

        using var client = app.CreateClient();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/registry?q=kim");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/registry?q=kim&page=2");
        var names = first.GetProperty("results").EnumerateArray().Concat(second.GetProperty("results").EnumerateArray())
            .Select(r => r.GetProperty("name").GetString()).ToList();

        Assert.Equal(20, first.GetProperty("results").GetArrayLength());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.Equal(5, second.GetProperty("results").GetArrayLength());
        Assert.False(second.GetProperty("hasMore").GetBoolean());
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Kim Lee{i:00}"), names);
    }

    [Theory, AllDatabases]
    public async Task Many_searches_and_lookups_at_once_all_answer_and_one_given_up_does_not_hold_the_others(DatabaseProvider provider)
    {
        // On SQLite the registry's queries take turns, one per core (RegistrySearch): every turn must be given back,
        // also by a request whose client went away while it waited.
        await using var app = new RegistryApp(provider).Started();
        await app.ListedAsync("Kim Lee", "CPS-000001");
        await app.ListedAsync("Ana Park", "CMPS-000001", program: "missouri-cmps");
        using var client = app.CreateClient();
        using (var cancelled = new CancellationTokenSource())
        {
            var given = Enumerable.Range(0, 8).Select(_ => client.GetAsync("/api/registry?q=kim", cancelled.Token)).ToList();
            await cancelled.CancelAsync();
            foreach (var request in given)
            {
                try
                {
                    (await request).Dispose(); // answered before the cancellation reached it
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        var searches = Enumerable.Range(0, 4 * Environment.ProcessorCount + 8).Select(_ => NamesAsync(client, "kim"));
        var lookups = Enumerable.Range(0, 4 * Environment.ProcessorCount + 8).Select(_ => client.GetFromJsonAsync<JsonElement>("/api/registry/cmps-000001"));

        var names = await Task.WhenAll(searches).WaitAsync(TimeSpan.FromSeconds(60));
        var found = await Task.WhenAll(lookups).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(names, n => Assert.Equal(["Kim Lee"], n));
        Assert.All(found, f => Assert.Equal("Ana Park", f.GetProperty("name").GetString()));
        Assert.Equal(["Kim Lee"], await NamesAsync(client, "kim").WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory, AllDatabases]
    public async Task A_search_too_short_or_a_page_out_of_range_is_refused_naming_the_field_and_the_rule(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        using var client = app.CreateClient();

        async Task<JsonElement> Errors(string query)
        {
            var response = await client.GetAsync($"/api/registry{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        Assert.Contains("at least 2 letters", (await Errors("?q=j")).GetProperty("q")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("at least 2 letters", (await Errors("")).GetProperty("q")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("at least 2 letters", (await Errors("?q=%27-%27")).GetProperty("q")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("at most 100 characters", (await Errors($"?q={new string('a', 101)}")).GetProperty("q")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("from 1 to 50", (await Errors("?q=jo&page=0")).GetProperty("page")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("from 1 to 50", (await Errors("?q=jo&page=51")).GetProperty("page")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("from 1 to 50", (await Errors("?q=jo&page=two")).GetProperty("page")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_changed_name_is_searched_by_its_new_words_only_and_dates_the_registry(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        var id = await app.ListedAsync("Maria Gonzalez", "CPS-000010");
        using var client = app.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/registry?q=maria")).GetProperty("lastUpdated").GetDateTimeOffset();

        app.Clock.Advance(TimeSpan.FromDays(3));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var person = await db.People.SingleAsync(p => p.Id == id);
            person.LegalName = "Maria Okafor";
            await db.SaveChangesAsync();
        }

        var after = await client.GetFromJsonAsync<JsonElement>("/api/registry?q=okafor");
        Assert.Equal(["Maria Okafor"], after.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Empty(await NamesAsync(client, "gonzalez"));
        Assert.Equal(before.AddDays(3), after.GetProperty("lastUpdated").GetDateTimeOffset());
        await using var check = app.Scope();
        Assert.Equal("maria okafor", (await check.ServiceProvider.GetRequiredService<PeerEthicsDb>().People.SingleAsync(p => p.Id == id)).SearchName);
    }

    [Theory, AllDatabases]
    public async Task A_status_change_through_the_lifecycle_dates_the_registry_and_shows_at_once(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        var (personId, credential) = await app.CertifiedAsync("Ngozi Adeyemi");
        using var client = app.CreateClient();
        var certified = await client.GetFromJsonAsync<JsonElement>($"/api/registry/{credential.Number}");

        app.Clock.Advance(TimeSpan.FromDays(10));
        await app.ChangeAsync(personId, credential.Id, CredentialStatus.Suspended, "Under review");
        var suspended = await client.GetFromJsonAsync<JsonElement>($"/api/registry?q=ngozi");

        Assert.Equal("certified", certified.GetProperty("status").GetString());
        Assert.Equal("suspended", suspended.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), suspended.GetProperty("lastUpdated").GetDateTimeOffset());
    }
}
