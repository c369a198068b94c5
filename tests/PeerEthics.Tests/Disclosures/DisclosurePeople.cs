using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.Disclosures;

/// <summary>A supervisor with a real account linked to their supervisor record, and a client signed in as them.</summary>
public sealed record SupervisorAccount(int SupervisorId, string UserId, HttpClient Client);

/// <summary>A specialist or trainee with a linked account, a credential, and a client signed in as them.</summary>
public sealed record Discloser(int PersonId, string UserId, HttpClient Client);

/// <summary>Arranges supervisors, supervised specialists and ethics staff through the real services.</summary>
public static class DisclosurePeople
{
    public static readonly object Gift = new { kind = "gift", date = "2026-11-20", direction = "received", value = 60, cashOrGiftCard = false, counterpart = "currently-supported", description = "A scarf for my birthday." };

    public static async Task<SupervisorAccount> SupervisorAsync(this PeopleApp app, string name)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org";
        var user = await app.CreateUserAsync(email, Roles.Supervisor);
        await using var scope = app.Scope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
        var id = Assert.IsType<Outcome<int>.Done>(await people.AddSupervisorAsync(name, email, null, null)).Value;
        Assert.IsType<Outcome<int>.Done>(await people.LinkSupervisorAccountAsync(id, email));
        return new SupervisorAccount(id, user.Id, app.CreateClientAs(user.Id, [Roles.Supervisor], mfa: false));
    }

    /// <summary>A certified specialist (or, with <paramref name="trainee"/>, a trainee) with the supervisor given, or none.</summary>
    public static async Task<Discloser> DiscloserAsync(this PeopleApp app, string name, SupervisorAccount? supervisor, bool trainee = false, string program = "massachusetts-cps")
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org";
        var role = trainee ? Roles.Trainee : Roles.PeerSpecialist;
        var user = await app.CreateUserAsync(email, role);
        int personId;
        await using (var scope = app.Scope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>()
                .CreateAsync(new PersonInput(name, null, null, null, null, null, supervisor?.SupervisorId, email));
            personId = Assert.IsType<Outcome<PersonView>.Done>(outcome).Value.Id;
        }

        var credential = await app.OpenAsync(personId, CredentialStatus.Trainee, program);
        if (!trainee)
        {
            await app.MakeEligibleAsync(personId, credential.Id);
            Assert.IsType<Outcome<CredentialView>.Done>(await app.ChangeAsync(personId, credential.Id, CredentialStatus.Certified, "Completed training"));
        }

        return new Discloser(personId, user.Id, app.CreateClientAs(user.Id, [role], mfa: false));
    }

    public static HttpClient EthicsStaff(this PeopleApp app, string id = "ethics-reviewer-1") =>
        app.CreateClientAs(id, [Roles.EthicsReviewer], mfa: true);

    /// <summary>Files a disclosure through the API and returns its id.</summary>
    public static async Task<int> FileAsync(this Discloser discloser, object body)
    {
        var response = await discloser.Client.PostAsJsonAsync("/api/my/disclosures", body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Filing answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
