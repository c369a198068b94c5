using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Commitments;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.ContinuingEducation;

/// <summary>Renewal: the window before expiry, what is met and missing, registrar approval setting the next expiry.</summary>
public sealed class RenewalTests
{
    [Theory, AllDatabases]
    public async Task A_renewal_opens_in_its_window_needs_the_hours_and_is_approved_into_the_next_cycle(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.CertifiedSpecialistAsync("Fern Renewer"); // expires 2028-11-23; window opens 2028-08-25
        var c = me.Credential.Id;
        // Renewal also needs a signed commitment to the code in force (the commitments' own tests show it missing until then).
        Assert.Equal(HttpStatusCode.Created, (await me.Client.SignThroughApiAsync("massachusetts-cps", "Fern Renewer")).StatusCode);
        var staff = app.CreateClientAs(Roles.Registrar);

        app.Clock.SetUtcNow(new DateTimeOffset(2028, 8, 24, 9, 0, 0, TimeSpan.Zero));
        var early = await me.Client.GetFromJsonAsync<JsonElement>($"/api/my/credentials/{c}/renewal");
        Assert.False(early.GetProperty("windowOpen").GetBoolean());
        Assert.Equal("2028-08-25", early.GetProperty("windowOpensOn").GetString());
        Assert.Contains("Applications open on 25 August 2028", early.GetProperty("whyNot").GetString(), StringComparison.Ordinal);

        app.Clock.SetUtcNow(new DateTimeOffset(2028, 9, 1, 9, 0, 0, TimeSpan.Zero));
        var activity = await me.Client.PostAsJsonAsync("/api/my/ce", new { credentialId = c, title = "Ethics day", provider = "MTC", completedOn = "2028-06-01", hours = 16, ethicsHours = 6 });
        var activityId = (await activity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await staff.PostAsJsonAsync($"/api/people/{me.PersonId}/ce/{activityId}/decision", new { decision = "approve" });

        var missing = await me.Client.PostAsync($"/api/my/credentials/{c}/renewal", null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("4 more needed", errors.GetProperty("ceHours")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("ethicsHours", out _));
        var page = await Html.GetAsync(me.Client, $"/my/credentials/{c}/renewal");
        Assert.Contains("Missing: Continuing-education hours. 16 of 20 hours approved: 4 more needed.", page.TextOf("requirements"), StringComparison.Ordinal);
        Assert.Contains("Met: Ethics hours.", page.TextOf("requirements"), StringComparison.Ordinal);

        var more = await me.Client.PostAsJsonAsync("/api/my/ce", new { credentialId = c, title = "Peer roles", provider = "MTC", completedOn = "2028-07-01", hours = 4, ethicsHours = 0 });
        var moreId = (await more.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await staff.PostAsJsonAsync($"/api/people/{me.PersonId}/ce/{moreId}/decision", new { decision = "approve" });
        var applied = await me.Client.PostAsync($"/api/my/credentials/{c}/renewal", null);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await me.Client.PostAsync($"/api/my/credentials/{c}/renewal", null)).StatusCode);

        var pending = await staff.GetFromJsonAsync<JsonElement>("/api/people/renewals/pending");
        var applicationId = pending.EnumerateArray().Single().GetProperty("id").GetInt32();
        var approved = await staff.PostAsJsonAsync($"/api/people/{me.PersonId}/renewals/{applicationId}/decision", new { decision = "approve" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await me.Client.GetFromJsonAsync<JsonElement>("/api/my");
        Assert.Equal("2030-11-23", after.GetProperty("credentials")[0].GetProperty("expiresOn").GetString());
        Assert.Equal("2028-11-24", after.GetProperty("credentials")[0].GetProperty("issuedOn").GetString());
        await using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.AnyAsync(e => e.Action == "renewal.approved"));
    }

    [Theory, AllDatabases]
    public async Task A_refusal_needs_a_reason_and_the_specialist_sees_it(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.CertifiedSpecialistAsync("Gil Refused");
        var c = me.Credential.Id;
        Assert.Equal(HttpStatusCode.Created, (await me.Client.SignThroughApiAsync("massachusetts-cps", "Gil Refused")).StatusCode);
        var staff = app.CreateClientAs(Roles.Registrar);
        app.Clock.SetUtcNow(new DateTimeOffset(2028, 10, 1, 9, 0, 0, TimeSpan.Zero));
        var activity = await me.Client.PostAsJsonAsync("/api/my/ce", new { credentialId = c, title = "All of it", provider = "MTC", completedOn = "2028-06-01", hours = 20, ethicsHours = 6 });
        await staff.PostAsJsonAsync($"/api/people/{me.PersonId}/ce/{(await activity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32()}/decision", new { decision = "approve" });
        await me.Client.PostAsync($"/api/my/credentials/{c}/renewal", null);
        var applicationId = (await staff.GetFromJsonAsync<JsonElement>("/api/people/renewals/pending")).EnumerateArray().Single().GetProperty("id").GetInt32();

        var noReason = await staff.PostAsJsonAsync($"/api/people/{me.PersonId}/renewals/{applicationId}/decision", new { decision = "refuse" });
        var refused = await staff.PostAsJsonAsync($"/api/people/{me.PersonId}/renewals/{applicationId}/decision", new { decision = "refuse", reason = "Supervisor letter missing" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var state = await me.Client.GetFromJsonAsync<JsonElement>($"/api/my/credentials/{c}/renewal");
        Assert.Equal("refused", state.GetProperty("application").GetString());
        Assert.Equal("Supervisor letter missing", state.GetProperty("applicationReason").GetString());
        Assert.Equal("2028-11-23", state.GetProperty("expiresOn").GetString());
        Assert.True(state.GetProperty("canApply").GetBoolean());
    }
}
