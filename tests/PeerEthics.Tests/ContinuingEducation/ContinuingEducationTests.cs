using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.ContinuingEducation;
using PeerEthics.Data;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.ContinuingEducation;

/// <summary>Recording CE, staff decisions, totals per category for the current cycle, evidence files.</summary>
public sealed class ContinuingEducationTests
{
    private static object Activity(int credentialId, string completed, decimal hours, decimal ethics, string title = "Boundaries in peer work") => new
    {
        credentialId, title, provider = "Recovery Learning Community", completedOn = completed, hours, ethicsHours = ethics,
    };

    private static async Task<int> RecordAsync(HttpClient client, object activity)
    {
        var response = await client.PostAsJsonAsync("/api/my/ce", activity);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Theory, AllDatabases]
    public async Task Progress_counts_approved_hours_in_the_cycle_per_category_and_shows_pending_apart(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.CertifiedSpecialistAsync("Ana Learner"); // cycle 2026-11-23 .. 2028-11-23
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var staff = app.CreateClientAs(Roles.Registrar);
        var c = me.Credential.Id;

        var approved1 = await RecordAsync(me.Client, Activity(c, "2027-01-10", 8, 4));
        var approved2 = await RecordAsync(me.Client, Activity(c, "2027-03-10", 4, 0));
        await RecordAsync(me.Client, Activity(c, "2027-04-10", 5, 2)); // stays pending
        var rejected = await RecordAsync(me.Client, Activity(c, "2027-05-10", 3, 3));
        var before = await me.Client.PostAsJsonAsync("/api/my/ce", Activity(c, "2026-11-22", 6, 6)); // the day before the cycle began
        Assert.Contains("do not count toward it", (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("completedOn")[0].GetString(), StringComparison.Ordinal);
        foreach (var id in new[] { approved1, approved2 })
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/people/{me.PersonId}/ce/{id}/decision", new { decision = "approve" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/people/{me.PersonId}/ce/{rejected}/decision", new { decision = "reject", reason = "The certificate is for someone else" })).StatusCode);

        var credits = await me.Client.GetFromJsonAsync<JsonElement>($"/api/my/credentials/{c}/ce");
        var progress = credits.GetProperty("progress");
        Assert.Equal(12m, progress.GetProperty("approvedHours").GetDecimal());
        Assert.Equal(4m, progress.GetProperty("approvedEthicsHours").GetDecimal());
        Assert.Equal(5m, progress.GetProperty("pendingHours").GetDecimal());
        Assert.Equal(2m, progress.GetProperty("pendingEthicsHours").GetDecimal());
        Assert.Equal(20m, progress.GetProperty("requiredHours").GetDecimal());
        Assert.Equal(6m, progress.GetProperty("requiredEthicsHours").GetDecimal());
        var rejectedJson = credits.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == rejected);
        Assert.Equal("The certificate is for someone else", rejectedJson.GetProperty("decisionReason").GetString());

        var page = await Html.GetAsync(me.Client, "/my");
        Assert.Contains("12 of 20 hours approved, 5 waiting for review. 8 more needed.", page.TextOf($"progress-hours-{c}-text"), StringComparison.Ordinal);
        Assert.Contains("4 of 6 ethics hours approved, 2 waiting for review. 2 more needed.", page.TextOf($"progress-ethics-{c}-text"), StringComparison.Ordinal);
        Assert.Contains("<progress id=\"progress-hours-" + c + "\" max=\"20\" value=\"12\"", page.Markup, StringComparison.Ordinal);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "ce.approved"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "ce.rejected"));
    }

    [Theory, AllDatabases]
    public async Task Invalid_activities_and_decisions_are_refused_naming_the_field_and_store_nothing(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.CertifiedSpecialistAsync("Ben Careful");
        var other = await app.CertifiedSpecialistAsync("Cat Other");
        var staff = app.CreateClientAs(Roles.Registrar);

        var tooMuchEthics = await me.Client.PostAsJsonAsync("/api/my/ce", Activity(me.Credential.Id, "2026-11-01", 2, 3));
        var future = await me.Client.PostAsJsonAsync("/api/my/ce", Activity(me.Credential.Id, "2026-12-01", 2, 0));
        var notMine = await me.Client.PostAsJsonAsync("/api/my/ce", Activity(other.Credential.Id, "2026-11-01", 2, 0));
        var pending = await RecordAsync(me.Client, Activity(me.Credential.Id, "2026-11-23", 2, 1));
        var rejectWithoutReason = await staff.PostAsJsonAsync($"/api/people/{me.PersonId}/ce/{pending}/decision", new { decision = "reject" });
        var wrongPerson = await staff.PostAsJsonAsync($"/api/people/{other.PersonId}/ce/{pending}/decision", new { decision = "approve" });

        static async Task<JsonElement> Errors(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("cannot be more than 2", (await Errors(tooMuchEthics)).GetProperty("ethicsHours")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("cannot be in the future", (await Errors(future)).GetProperty("completedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await Errors(notMine)).TryGetProperty("credentialId", out _));
        Assert.True((await Errors(rejectWithoutReason)).TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, wrongPerson.StatusCode);
        await using var scope = app.Scope();
        var activity = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().CeActivities.SingleAsync();
        Assert.Equal(pending, activity.Id);
        Assert.Equal(CeDecision.Pending, activity.Decision);
    }

    [Theory, AllDatabases]
    public async Task Evidence_is_checked_by_content_stored_in_the_data_directory_and_shown_only_to_its_owner_and_staff(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.CertifiedSpecialistAsync("Dan Evidence");
        var other = await app.CertifiedSpecialistAsync("Eve Other");
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

        var fake = await PostActivityPageAsync(me.Client, "certificate.pdf", "This is not a PDF"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, fake.Status);
        Assert.Contains("The evidence file is not a PDF, PNG or JPEG.", fake.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("value=\"Ethics refresher\"", fake.Markup, StringComparison.Ordinal);

        var real = await PostActivityPageAsync(me.Client, "certificate.pdf", pdf);
        Assert.Equal(HttpStatusCode.Redirect, real.Status);

        await using var scope = app.Scope();
        var activity = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().CeActivities.SingleAsync();
        Assert.Equal("certificate.pdf", activity.EvidenceFileName);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "evidence", activity.EvidenceStoredName!)));
        Assert.Equal(pdf, await me.Client.GetByteArrayAsync($"/api/my/ce/{activity.Id}/evidence"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/my/ce/{activity.Id}/evidence")).StatusCode);
        var staff = app.CreateClientAs(Roles.Registrar);
        Assert.Equal(pdf, await staff.GetByteArrayAsync($"/api/people/{me.PersonId}/ce/{activity.Id}/evidence"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/people/{other.PersonId}/ce/{activity.Id}/evidence")).StatusCode);
        Assert.True(await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.AnyAsync(e => e.Action == "ce.evidence-viewed"));
    }

    [Theory, AllDatabases]
    public async Task An_evidence_file_over_the_limit_reaches_the_page_and_is_refused_naming_the_rule_with_nothing_saved(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.CertifiedSpecialistAsync("Fay Bigfile");
        var tooBig = new byte[EvidenceStore.MaxBytes + 1024 * 1024]; // a 6 MB PDF: over the 5 MB rule, not an abuse of the server
        "%PDF-1.4\n"u8.CopyTo(tooBig);

        var refused = await PostActivityPageAsync(me.Client, "scan.pdf", tooBig);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"The evidence file is 6 MB. {EvidenceStore.Rule}", refused.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("value=\"Ethics refresher\"", refused.Markup, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().CeActivities.AnyAsync());
        var folder = Path.Combine(app.DataDirectory, "evidence");
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), "no evidence file is kept");
    }

    private static async Task<Html> PostActivityPageAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await Html.GetAsync(client, "/my/ce/new");
        var token = System.Text.RegularExpressions.Regex.Match(page.Markup, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var credential = System.Text.RegularExpressions.Regex.Match(page.Markup, "name=\"credentialId\" value=\"(\\d+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(credential), "credentialId" },
            { new StringContent("Ethics refresher"), "title" },
            { new StringContent("Transformation Center"), "provider" },
            { new StringContent("2026-11-23"), "completedOn" },
            { new StringContent("2"), "hours" },
            { new StringContent("2"), "ethicsHours" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "evidence", fileName);
        var response = await client.PostAsync("/my/ce/new", form);
        return new Html(response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
