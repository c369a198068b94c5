using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People;

/// <summary>
/// The app for people tests: the daily lapse job is off, as in every test app, unless <paramref name="lapseDaily"/>;
/// helpers arrange people and credentials through the real services.
/// </summary>
public class PeopleApp(DatabaseProvider provider, bool lapseDaily = false) : PeerEthicsAppFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (lapseDaily)
        {
            builder.UseSetting("People:LapseDaily", "true");
        }
    }

    /// <summary>Starts the app (migrations, shipped codes and settings) and returns it.</summary>
    public PeopleApp Started()
    {
        _ = Server;
        return this;
    }

    public async Task<int> AddPersonAsync(string legalName, string? preferredName = null, string? userEmail = null)
    {
        await using var scope = Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>()
            .CreateAsync(new PersonInput(legalName, preferredName, null, null, null, null, null, userEmail));
        return Assert.IsType<Outcome<PersonView>.Done>(outcome).Value.Id;
    }

    public async Task<CredentialView> OpenAsync(int personId, CredentialStatus status = CredentialStatus.Trainee, string program = "massachusetts-cps")
    {
        await using var scope = Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CredentialLifecycle>()
            .OpenAsync(personId, new CredentialInput(program, status.Name(), null));
        return Assert.IsType<Outcome<CredentialView>.Done>(outcome).Value;
    }

    public async Task<Outcome<CredentialView>> ChangeAsync(int personId, int credentialId, CredentialStatus to, string? reason = "Test reason")
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<CredentialLifecycle>()
            .ChangeStatusAsync(personId, credentialId, new StatusChangeInput(to.Name(), reason));
    }

    /// <summary>A trainee who completed a cohort (through the roster) and was certified today.</summary>
    public async Task<(int PersonId, CredentialView Credential)> CertifiedAsync(string legalName, string? userEmail = null, string program = "massachusetts-cps")
    {
        var personId = await AddPersonAsync(legalName, userEmail: userEmail);
        var credential = await OpenAsync(personId, CredentialStatus.Trainee, program);
        await MakeEligibleAsync(personId, credential.Id);
        var certified = await ChangeAsync(personId, credential.Id, CredentialStatus.Certified, "Completed training");
        return (personId, Assert.IsType<Outcome<CredentialView>.Done>(certified).Value);
    }

    /// <summary>Marks the credential's training as completed without a cohort (for tests about what follows).</summary>
    public async Task MakeEligibleAsync(int personId, int credentialId)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var credential = await db.Credentials.FindAsync(credentialId);
        Assert.Equal(personId, credential!.PersonId);
        credential.EligibleSince = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }
}
