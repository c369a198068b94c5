using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Commitments;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Accounts;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.Commitments;

/// <summary>Signing the pledge of the code version in force: what is recorded, what is refused, and what follows.</summary>
public sealed class SigningTests
{
    [Theory, AllDatabases]
    public async Task A_trainee_signs_the_Massachusetts_pledge_and_the_ledger_keeps_the_exact_text_the_hash_and_how_they_signed(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.SignerAsync("Jane Doe");
        var version = await app.InForceAsync(Seeds.Massachusetts);
        var page = await Html.GetAsync(me.Client, $"/my/commitments/sign?program={Seeds.Massachusetts}");
        var shown = page.TextOf("pledge-to-sign");

        var (response, _, _) = await me.SignOnPageAsync(Seeds.Massachusetts, "  jane   DOE ", confirm: true, TestUsers.Password);

        var id = Signers.SignedId(response);
        var record = await app.RecordAsync(id);
        Assert.Contains("Principles", page.Text, StringComparison.Ordinal);
        Assert.StartsWith("I Jane Doe fully understand the Code of Ethics", shown, StringComparison.Ordinal);
        Assert.Equal(shown, record.PledgeText);
        Assert.Equal((Seeds.Massachusetts, Seeds.Massachusetts, version.Number, version.ContentHash), (record.Program, record.Code, record.CodeVersion, record.CodeHash));
        Assert.Equal("jane   DOE", record.TypedName);
        Assert.Equal(me.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Person);
        Assert.StartsWith("credential:", record.CredentialOrCohort, StringComparison.Ordinal);
        Assert.Equal(SignerCheck.Password, record.Authentication);
        Assert.Equal(Signers.UserAgent, record.UserAgent);
        Assert.Null(record.IpAddress);
        Assert.Equal(PeerEthicsAppFactory.Now, record.SignedAt);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var row = await db.Commitments.SingleAsync();
            Assert.Equal((me.PersonId, version.Id, id), (row.PersonId, row.CodeVersionId, row.CommitmentId));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "commitment.signed" && e.Target == $"commitment:{id}" && e.Actor == me.UserId));
        }

        // Anyone can check it; the person sees it with its links, and is not offered the form again.
        var anonymous = app.CreateClient();
        var verify = await Html.GetAsync(anonymous, $"/verify/{id}");
        Assert.Contains("Valid", verify.TextOf("result"), StringComparison.Ordinal);
        Assert.True((await anonymous.GetFromJsonAsync<JsonElement>($"/api/commitments/{id}/verification")).GetProperty("valid").GetBoolean());
        var mine = await Html.GetAsync(me.Client, $"/my/commitments?signed={id}");
        Assert.Contains($"href=\"/verify/{id}\"", mine.Markup, StringComparison.Ordinal);
        Assert.Contains($"href=\"/commitments/{id}/certificate.pdf\"", mine.Markup, StringComparison.Ordinal);
        Assert.Contains("Signed. Thank you.", mine.TextOf("signed-notice"), StringComparison.Ordinal);
        Assert.Contains("Nothing to sign", mine.TextOf("nothing-to-sign"), StringComparison.Ordinal);
        var again = await Html.GetAsync(me.Client, $"/my/commitments/sign?program={Seeds.Massachusetts}");
        Assert.Contains("You have already signed this version", again.TextOf("already-signed"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/verify/{id}\"", again.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", again.Markup, StringComparison.Ordinal);
        var listed = await me.Client.GetFromJsonAsync<JsonElement>("/api/my/commitments");
        Assert.Equal(id, listed.GetProperty("commitments")[0].GetProperty("commitmentId").GetString());
        Assert.Equal(0, listed.GetProperty("toSign").GetArrayLength());
    }

    [Theory, AllDatabases]
    public async Task A_Missouri_trainee_signs_the_program_template_staff_saved_and_a_later_version_changes_nothing_already_signed(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var registrar = app.CreateClientAs(Roles.Registrar);
        const string Template = "I, {name}, promise to follow the {code} in my work as a {program}.";
        var saved = await FormPost.PostAsync(registrar, $"/staff/programs/{Seeds.Missouri}/pledge", FormPost.Fields(("text", Template)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var me = await app.SignerAsync("Ada Lovelace", Seeds.Missouri);
        var version = await app.InForceAsync(Seeds.Missouri);
        string programName;
        await using (var scope = app.Scope())
        {
            programName = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Programs.Where(p => p.Slug == Seeds.Missouri).Select(p => p.Name).SingleAsync();
        }

        var signed = await me.Client.SignThroughApiAsync(Seeds.Missouri, "ADA LOVELACE");

        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var id = (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commitmentId").GetString()!;
        var record = await app.RecordAsync(id);
        Assert.Equal($"I, Ada Lovelace, promise to follow the {version.Title} in my work as a {programName}.", record.PledgeText);
        Assert.Equal(version.ContentHash, record.CodeHash);

        var changed = await FormPost.PostAsync(registrar, $"/staff/programs/{Seeds.Missouri}/pledge", FormPost.Fields(("text", "I, {name}, commit to the {code}.")));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var staffPage = await Html.GetAsync(registrar, $"/staff/programs/{Seeds.Missouri}/pledge");
        Assert.Contains("I, Jane Doe, commit to the", staffPage.TextOf("preview"), StringComparison.Ordinal);
        Assert.Contains("promise to follow", staffPage.TextOf("history"), StringComparison.Ordinal);
        Assert.Equal(record.PledgeText, (await app.RecordAsync(id)).PledgeText);
        Assert.True((await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/commitments/{id}/verification")).GetProperty("valid").GetBoolean());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            Assert.Equal([1, 2], await db.ProgramPledgeTemplates.Where(t => t.Program.Slug == Seeds.Missouri).OrderBy(t => t.Version).Select(t => t.Version).ToListAsync());
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "program.pledge-template-saved"));
        }

        // A bad template is refused, naming the field, and changes nothing.
        var bad = await FormPost.PostForPageAsync(registrar, $"/staff/programs/{Seeds.Missouri}/pledge", FormPost.Fields(("text", "I promise.")));
        Assert.Contains("href=\"#text\"", bad.Markup, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().ProgramPledgeTemplates.CountAsync());
        }
    }

    [Theory, AllDatabases]
    public async Task A_wrong_name_a_wrong_password_or_no_confirmation_is_refused_naming_the_field_recording_nothing_and_keeping_what_was_typed(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.SignerAsync("Grace Hopper");

        var (wrongName, _, _) = await me.SignOnPageAsync(Seeds.Massachusetts, "Grace Murray", confirm: true, TestUsers.Password);
        var (notConfirmed, _, _) = await me.SignOnPageAsync(Seeds.Massachusetts, "Grace Hopper", confirm: false, TestUsers.Password);
        var (wrongPassword, _, _) = await me.SignOnPageAsync(Seeds.Massachusetts, "Grace Hopper", confirm: true, "not my password at all");

        var name = new Html(wrongName.StatusCode, await wrongName.Content.ReadAsStringAsync());
        var confirm = new Html(notConfirmed.StatusCode, await notConfirmed.Content.ReadAsStringAsync());
        var password = new Html(wrongPassword.StatusCode, await wrongPassword.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, name.Status);
        Assert.Contains("<a href=\"#typedName\">The name you typed does not match", name.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"Grace Murray\"", name.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#password\"", name.Markup, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#confirm\">Tick the box", confirm.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"Grace Hopper\"", confirm.Markup, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">That is not the password", password.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"Grace Hopper\"", password.Markup, StringComparison.Ordinal);
        Assert.Matches("id=\"confirm\"[^>]*checked", password.Markup);
        Assert.DoesNotContain("not my password at all", password.Markup, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", password.Markup, StringComparison.Ordinal);
        Assert.Equal((0, 0), await app.CountsAsync());

        var api = await me.Client.SignThroughApiAsync(Seeds.Massachusetts, "Grace Hopper", confirm: false, password: "wrong password here");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("confirm", out _) && errors.TryGetProperty("password", out _));
        Assert.False(errors.TryGetProperty("typedName", out _));
        Assert.Equal((0, 0), await app.CountsAsync());
        await using var scope = app.Scope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.CountAsync(e => e.Action == "commitment.sign-refused"));
    }

    [Theory, AllDatabases]
    public async Task Staff_must_also_give_a_fresh_authenticator_code(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var (user, key) = await app.CreateUserWithAuthenticatorAsync("registrar.signer@example.org", Roles.Registrar);
        var personId = await app.AddPersonAsync("Rosa Parks", userEmail: "registrar.signer@example.org");
        await app.OpenAsync(personId);
        var client = app.CreateClientAs(user.Id, [Roles.Registrar]);

        var page = await Html.GetAsync(client, $"/my/commitments/sign?program={Seeds.Massachusetts}");
        var noCode = await client.SignThroughApiAsync(Seeds.Massachusetts, "Rosa Parks");
        var wrongCode = await client.SignThroughApiAsync(Seeds.Massachusetts, "Rosa Parks", totp: Totp.WrongCode(key));
        Assert.Contains("name=\"totp\"", page.Markup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noCode.StatusCode);
        Assert.Contains("authenticator", (await noCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("totp")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Equal((0, 0), await app.CountsAsync());

        var signed = await client.SignThroughApiAsync(Seeds.Massachusetts, "Rosa Parks", totp: Totp.Code(key));

        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var id = (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commitmentId").GetString()!;
        Assert.Equal(SignerCheck.PasswordAndTotp, (await app.RecordAsync(id)).Authentication);

        // A trainee's page asks for no code.
        var trainee = await app.SignerAsync("Ella Baker");
        Assert.DoesNotContain("name=\"totp\"", (await Html.GetAsync(trainee.Client, $"/my/commitments/sign?program={Seeds.Massachusetts}")).Markup, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_retried_or_double_submitted_signature_records_one_commitment_and_a_signed_person_gets_the_first(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.SignerAsync("Ida Wells");
        var other = await app.SignerAsync("Mary Jackson");

        // The page: the same form posted twice.
        var (first, _, fields) = await me.SignOnPageAsync(Seeds.Massachusetts, "Ida Wells", confirm: true, TestUsers.Password);
        var id = Signers.SignedId(first);
        var second = await me.Client.PostAsync($"/my/commitments/sign?program={Seeds.Massachusetts}", new FormUrlEncodedContent(fields));
        Assert.Equal(id, Signers.SignedId(second));
        Assert.Equal((1, 1), await app.CountsAsync());

        // The API: a retry with the same key answers 200 with the same commitment; a new key, 409 naming it.
        var apiKey = Guid.NewGuid().ToString();
        var concurrent = await Task.WhenAll(
            other.Client.SignThroughApiAsync(Seeds.Massachusetts, "Mary Jackson", apiKey),
            other.Client.SignThroughApiAsync(Seeds.Massachusetts, "Mary Jackson", apiKey));
        var retried = await other.Client.SignThroughApiAsync(Seeds.Massachusetts, "Mary Jackson", apiKey);
        var newKey = await other.Client.SignThroughApiAsync(Seeds.Massachusetts, "Mary Jackson");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], concurrent.Select(r => r.StatusCode).Order()); // one made it (201), the other found it (200)
        var ids = await Task.WhenAll(concurrent.Append(retried).Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commitmentId").GetString()));
        Assert.Single(ids.Distinct());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, newKey.StatusCode);
        Assert.Equal(ids[0], (await newKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commitmentId").GetString());
        Assert.Equal((2, 2), await app.CountsAsync());

        // Another person's key finds nothing of theirs: the same key signs for this person.
        var third = await app.SignerAsync("Dorothy Vaughan");
        var reused = await third.Client.SignThroughApiAsync(Seeds.Massachusetts, "Dorothy Vaughan", apiKey);
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        Assert.Equal((3, 3), await app.CountsAsync());

        var missingKey = await third.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/my/commitments")
        {
            Content = JsonContent.Create(new { program = Seeds.Missouri, typedName = "Dorothy Vaughan", password = TestUsers.Password, confirm = true }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, missingKey.StatusCode);
        Assert.True((await missingKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("idempotencyKey", out _));
    }

    [Theory, AllDatabases]
    public async Task The_IP_address_is_recorded_only_when_the_program_turns_it_on(DatabaseProvider provider)
    {
        await using var app = new RemoteAddressApp(provider);
        app.Started();
        var me = await app.SignerAsync("Katherine Johnson");
        await app.OpenAsync(me.PersonId, CredentialStatus.Trainee, Seeds.Missouri);

        var off = await me.Client.SignThroughApiAsync(Seeds.Massachusetts, "Katherine Johnson");
        var registrar = app.CreateClientAs(Roles.Registrar);
        var turnedOn = await FormPost.PostAsync(registrar, $"/staff/programs/{Seeds.Missouri}/pledge",
            FormPost.Fields(("text", "I, {name}, commit to the {code}."), ("recordIpAddress", "true")));
        var on = await me.Client.SignThroughApiAsync(Seeds.Missouri, "Katherine Johnson");

        Assert.Equal(HttpStatusCode.Redirect, turnedOn.StatusCode);
        var offRecord = await app.RecordAsync((await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commitmentId").GetString()!);
        var onId = (await on.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commitmentId").GetString()!;
        Assert.Null(offRecord.IpAddress);
        Assert.DoesNotContain("ipAddress", offRecord.ToPayload(), StringComparison.Ordinal);
        Assert.Equal(RemoteAddressApp.Address, (await app.RecordAsync(onId)).IpAddress);
        Assert.True((await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/commitments/{onId}/verification")).GetProperty("valid").GetBoolean());
    }

    [Theory, AllDatabases]
    public async Task Renewal_shows_the_commitment_missing_until_the_specialist_signs_the_version_in_force(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var email = "renewing.signer@example.org";
        var user = await app.CreateUserAsync(email, Roles.PeerSpecialist);
        var (_, credential) = await app.CertifiedAsync("Mae Jemison", email);
        var client = app.CreateClientAs(user.Id, [Roles.PeerSpecialist], mfa: false);
        app.Clock.SetUtcNow(new DateTimeOffset(2028, 9, 1, 9, 0, 0, TimeSpan.Zero));

        var before = await Html.GetAsync(client, $"/my/credentials/{credential.Id}/renewal");
        var refused = await client.PostAsync($"/api/my/credentials/{credential.Id}/renewal", null);
        var signed = await client.SignThroughApiAsync(Seeds.Massachusetts, "Mae Jemison");
        var after = await Html.GetAsync(client, $"/my/credentials/{credential.Id}/renewal");

        Assert.Contains("Missing: Signed commitment to the code of ethics.", before.TextOf("requirements"), StringComparison.Ordinal);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(SignedCommitmentRequirement.Key, out _));
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        Assert.Contains("Met: Signed commitment to the code of ethics. You signed version", after.TextOf("requirements"), StringComparison.Ordinal);
        Assert.DoesNotContain("Missing: Signed commitment", after.TextOf("requirements"), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Staff_see_who_in_a_cohort_has_not_signed_the_version_in_force(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var signs = await app.SignerAsync("Alan Turing");
        var waits = await app.SignerAsync("Joan Clarke");
        int cohortId;
        await using (var scope = app.Scope())
        {
            var roster = scope.ServiceProvider.GetRequiredService<CohortRoster>();
            var cohort = Assert.IsType<PeerEthics.People.Forms.Outcome<CohortView>.Done>(await roster.CreateAsync(
                new CohortInput(Seeds.Massachusetts, "Spring 2027", new DateOnly(2027, 3, 1), new DateOnly(2027, 5, 1), "Pat Trainer"))).Value;
            cohortId = cohort.Id;
            Assert.IsType<PeerEthics.People.Forms.Outcome<CohortView>.Done>(await roster.EnrolAsync(cohortId, signs.PersonId));
            Assert.IsType<PeerEthics.People.Forms.Outcome<CohortView>.Done>(await roster.EnrolAsync(cohortId, waits.PersonId));
        }

        var registrar = app.CreateClientAs(Roles.Registrar);
        var beforeAny = await registrar.GetFromJsonAsync<JsonElement>($"/api/people/cohorts/{cohortId}/unsigned");
        var pageBefore = await Html.GetAsync(registrar, $"/staff/cohorts/{cohortId}");
        var signed = await signs.Client.SignThroughApiAsync(Seeds.Massachusetts, "Alan Turing");
        var after = await registrar.GetFromJsonAsync<JsonElement>($"/api/people/cohorts/{cohortId}/unsigned");
        var pageAfter = await Html.GetAsync(registrar, $"/staff/cohorts/{cohortId}");

        Assert.Equal(2, beforeAny.GetProperty("notSigned").GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        Assert.Equal([waits.PersonId], after.GetProperty("notSigned").EnumerateArray().Select(p => p.GetProperty("personId").GetInt32()));
        Assert.Equal(2, after.GetProperty("enrolled").GetInt32());
        Assert.Equal((await app.InForceAsync(Seeds.Massachusetts)).ContentHash, after.GetProperty("codeHash").GetString());
        var id = (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commitmentId").GetString()!;
        Assert.Equal($"cohort:{cohortId}", (await app.RecordAsync(id)).CredentialOrCohort);
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync("/api/people/cohorts/999999/unsigned")).StatusCode);

        // The cohort page says the same, before training starts on 1 March 2027.
        Assert.Contains("2 trainees have not signed the code of ethics yet", pageBefore.TextOf("signing-status"), StringComparison.Ordinal);
        Assert.Contains("Trainees sign before training starts on 1 March 2027.", pageBefore.TextOf("signing-status"), StringComparison.Ordinal);
        Assert.Contains("1 trainee has not signed the code of ethics yet", pageAfter.TextOf("signing-status"), StringComparison.Ordinal);
        var trainees = pageAfter.TextOf("trainees");
        Assert.Contains("Alan Turing Yes", trainees, StringComparison.Ordinal);
        Assert.Contains("Joan Clarke Not yet", trainees, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_person_cannot_sign_for_a_program_they_hold_no_credential_with(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.SignerAsync("Lise Meitner");

        Assert.Equal(HttpStatusCode.NotFound, (await me.Client.GetAsync($"/my/commitments/sign?program={Seeds.Missouri}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Client.SignThroughApiAsync(Seeds.Missouri, "Lise Meitner")).StatusCode);
        Assert.Equal((0, 0), await app.CountsAsync());
    }

    /// <summary>The app as reached from a known address (the test server leaves the remote address empty).</summary>
    private sealed class RemoteAddressApp(DatabaseProvider provider) : PeopleApp(provider)
    {
        public const string Address = "203.0.113.7";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFilter>());
        }

        private sealed class RemoteAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, following) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(Address);
                    return following(context);
                });
                next(app);
            };
        }
    }
}
