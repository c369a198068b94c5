using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People;

/// <summary>/api/people for program staff: records, credentials, search, audit of reads, who may call it.</summary>
public sealed class PeopleApiTests
{
    [Theory, AllDatabases]
    public async Task Staff_add_a_person_open_a_credential_and_change_its_status_with_a_reason(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var created = await staff.PostAsJsonAsync("/api/people", new { legalName = "José Álvarez", preferredName = "Pepe", email = "jose@example.org" });
        var person = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = person.GetProperty("id").GetInt32();
        var opened = await staff.PostAsJsonAsync($"/api/people/{id}/credentials", new { program = "missouri-cmps", status = "applicant" });
        var credentialId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var changed = await staff.PostAsJsonAsync($"/api/people/{id}/credentials/{credentialId}/status", new { status = "trainee", reason = "Accepted for the spring cohort" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var record = await staff.GetFromJsonAsync<JsonElement>($"/api/people/{id}");
        var credential = record.GetProperty("credentials")[0];
        Assert.Equal("trainee", credential.GetProperty("status").GetString());
        var history = credential.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal("Accepted for the spring cohort", history[1].GetProperty("reason").GetString());
        Assert.Equal("test-registrar@test.invalid", history[1].GetProperty("changedBy").GetString());
    }

    [Theory, AllDatabases]
    public async Task Every_read_of_a_person_record_by_staff_is_audited(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var id = await app.AddPersonAsync("Ruth Private");
        var staff = app.CreateClientAs(Roles.Administrator);

        await staff.GetAsync($"/api/people/{id}");
        await staff.GetAsync($"/staff/people/{id}");

        await using var scope = app.Scope();
        var reads = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries
            .Where(e => e.Action == "person.viewed" && e.Target == $"person:{id}").ToListAsync();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal("test-administrator", r.Actor));
    }

    [Theory, AllDatabases]
    public async Task Search_finds_a_name_by_the_start_of_any_part_ignoring_case_and_accents(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        await app.AddPersonAsync("José Álvarez-Núñez", preferredName: "Pepe");
        await app.AddPersonAsync("Mary O'Brien");
        await app.AddPersonAsync("Joseph Smith");
        var staff = app.CreateClientAs(Roles.Registrar);

        async Task<List<string>> Find(string q) =>
            [.. (await staff.GetFromJsonAsync<JsonElement>($"/api/people?q={Uri.EscapeDataString(q)}")).EnumerateArray().Select(p => p.GetProperty("legalName").GetString()!).Order()];

        Assert.Equal(["José Álvarez-Núñez", "Joseph Smith"], await Find("jose"));
        Assert.Equal(["José Álvarez-Núñez"], await Find("NUN"));
        Assert.Equal(["José Álvarez-Núñez"], await Find("pepe"));
        Assert.Equal(["Mary O'Brien"], await Find("obri"));
        Assert.Empty(await Find("ary"));
    }

    [Theory, AllDatabases]
    public async Task Invalid_people_and_status_changes_are_refused_naming_the_field_and_change_nothing(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var (personId, credential) = await app.CertifiedAsync("Sam Certified");
        var staff = app.CreateClientAs(Roles.Registrar);

        var noName = await staff.PostAsJsonAsync("/api/people", new { legalName = " ", email = "not-an-email" });
        var backwards = await staff.PostAsJsonAsync($"/api/people/{personId}/credentials/{credential.Id}/status", new { status = "trainee", reason = "Oops" });
        var unknown = await staff.PostAsJsonAsync($"/api/people/{personId}/credentials/{credential.Id}/status", new { status = "retired", reason = "x" });
        var twice = await staff.PostAsJsonAsync($"/api/people/{personId}/credentials", new { program = "massachusetts-cps", status = "applicant" });

        var errors = (await noName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("legalName", out _));
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.Contains("cannot become trainee", (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("program", out _));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal(1, await db.People.CountAsync());
        Assert.Equal(1, await db.Credentials.CountAsync());
        Assert.Equal(CredentialStatus.Certified, (await db.Credentials.SingleAsync()).Status);
    }

    [Theory, AllDatabases]
    public async Task Unknown_people_and_another_persons_credential_are_not_found(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var (_, credential) = await app.CertifiedAsync("Tia Owner");
        var other = await app.AddPersonAsync("Uma Other");
        var staff = app.CreateClientAs(Roles.Registrar);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/people/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/people/{other}/credentials/{credential.Id}/status", new { status = "suspended", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/staff/people/{other}/credentials/{credential.Id}/status")).StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Put_changes_a_persons_details_and_refuses_an_account_linked_to_someone_else_naming_the_field(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        await app.CreateUserAsync("yara@example.org", Roles.PeerSpecialist);
        await app.AddPersonAsync("Yara Linked", userEmail: "yara@example.org");
        var id = await app.AddPersonAsync("Zed Plain");
        var staff = app.CreateClientAs(Roles.Registrar);

        var taken = await staff.PutAsJsonAsync($"/api/people/{id}", new { legalName = "Zed Plain", userEmail = "yara@example.org" });
        var changed = await staff.PutAsJsonAsync($"/api/people/{id}", new { legalName = "Zed Plain-Jones", email = "zed@example.org" });
        var missing = await staff.PutAsJsonAsync("/api/people/999999", new { legalName = "Nobody" });

        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.True((await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("userEmail", out _));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var json = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Zed Plain-Jones", json.GetProperty("legalName").GetString());
        Assert.Equal("zed@example.org", json.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await using var scope = app.Scope();
        var updates = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.Where(e => e.Action == "person.updated").ToListAsync();
        Assert.Equal("legal name, email", Assert.Single(updates).Detail);
    }

    [Theory, AllDatabases]
    public async Task A_trainee_is_taken_out_of_a_cohort_through_the_api_with_a_reason_and_bad_input_names_the_field(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var trainee = await app.AddPersonAsync("Tia Trainee");
        await app.OpenAsync(trainee);
        var staff = app.CreateClientAs(Roles.Registrar);
        var created = await staff.PostAsJsonAsync("/api/people/cohorts", new { program = "massachusetts-cps", name = "Winter 2027", startsOn = "2026-12-01", endsOn = "2027-02-01", trainer = "Jo Trainer" });
        var cohortId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/people/cohorts/{cohortId}/enrolments", new { personId = trainee })).StatusCode);

        var noReason = await staff.PostAsJsonAsync($"/api/people/cohorts/{cohortId}/withdrawals", new { personId = trainee, reason = "" });
        var nobody = await staff.PostAsJsonAsync($"/api/people/cohorts/{cohortId}/withdrawals", new { reason = "Moved away" });
        var missing = await staff.PostAsJsonAsync("/api/people/cohorts/999999/withdrawals", new { personId = trainee, reason = "Moved away" });
        var unchanged = await staff.GetFromJsonAsync<JsonElement>($"/api/people/cohorts/{cohortId}");
        var withdrawn = await staff.PostAsJsonAsync($"/api/people/cohorts/{cohortId}/withdrawals", new { personId = trainee, reason = "Moved away" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("Choose the trainee", (await nobody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("personId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("enrolments")[0].GetProperty("withdrawnOn").ValueKind);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var enrolment = (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enrolments")[0];
        Assert.Equal("2026-11-23", enrolment.GetProperty("withdrawnOn").GetString());
        Assert.Equal("Moved away", enrolment.GetProperty("withdrawalReason").GetString());
    }

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "GET", "/api/people" },
        { "POST", "/api/people" },
        { "GET", "/api/people/1" },
        { "PUT", "/api/people/1" },
        { "POST", "/api/people/1/credentials" },
        { "POST", "/api/people/1/credentials/1/status" },
        { "GET", "/api/people/organisations" },
        { "POST", "/api/people/organisations" },
        { "GET", "/api/people/supervisors" },
        { "POST", "/api/people/supervisors" },
        { "GET", "/api/people/cohorts" },
        { "POST", "/api/people/cohorts" },
        { "GET", "/api/people/cohorts/1" },
        { "POST", "/api/people/cohorts/1/enrolments" },
        { "POST", "/api/people/cohorts/1/withdrawals" },
        { "POST", "/api/people/cohorts/1/complete" },
        { "GET", "/staff/people" },
        { "GET", "/staff/people/new" },
        { "GET", "/staff/people/1" },
        { "GET", "/staff/people/1/edit" },
        { "GET", "/staff/people/1/credentials/1/status" },
        { "GET", "/staff/cohorts/1/withdraw/1" },
    };

    [Theory, MemberData(nameof(Endpoints))]
    public async Task Only_registrars_and_administrators_with_a_second_factor_reach_people_records(string method, string path)
    {
        await using var app = new PeopleApp(DatabaseProvider.Sqlite).Started();
        var id = await app.AddPersonAsync("Val Matrix");
        Assert.Equal(1, id);
        var isApi = path.StartsWith("/api", StringComparison.Ordinal);
        var denied = isApi ? HttpStatusCode.Forbidden : HttpStatusCode.Redirect;

        async Task<HttpStatusCode> Call(HttpClient client)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { });
            }

            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(isApi ? HttpStatusCode.Unauthorized : HttpStatusCode.Redirect, await Call(app.CreateClient(new() { AllowAutoRedirect = false })));
        Assert.Equal(denied, await Call(app.CreateClientAs(Roles.PeerSpecialist)));
        Assert.Equal(denied, await Call(app.CreateClientAs(Roles.Trainee)));
        Assert.Equal(denied, await Call(app.CreateClientAs(Roles.Supervisor)));
        Assert.Equal(denied, await Call(app.CreateClientAs(Roles.EthicsReviewer)));
        Assert.Equal(denied, await Call(app.CreateClientAs(Roles.Registrar, mfa: false)));
        var allowed = await Call(app.CreateClientAs(Roles.Registrar));
        Assert.NotEqual(HttpStatusCode.Unauthorized, allowed);
        Assert.NotEqual(HttpStatusCode.Forbidden, allowed);
        Assert.NotEqual(HttpStatusCode.Redirect, allowed);
    }
}
