using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.Registry;

/// <summary>
/// The app for registry tests: the registry's rate limit set to <paramref name="registryLimit"/> requests a minute
/// (high unless a test is about the limit); people with credentials in any status arranged directly, the way an import
/// or years of history leave them.
/// </summary>
public sealed class RegistryApp(DatabaseProvider provider, int registryLimit = 10_000) : PeopleApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Registry:PermitLimit", registryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public new RegistryApp Started()
    {
        _ = Server;
        return this;
    }

    /// <summary>A person with one credential of <paramref name="program"/> in <paramref name="status"/>; returns the person's id.</summary>
    public async Task<int> ListedAsync(
        string legalName, string? number, CredentialStatus status = CredentialStatus.Certified, string? preferredName = null,
        string program = "massachusetts-cps", DateOnly? expiresOn = null, string? email = null, string? phone = null, string? address = null,
        int? organisationId = null, int? supervisorId = null)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var programId = await db.Programs.Where(p => p.Slug == program).Select(p => p.Id).SingleAsync();
        var person = new Person
        {
            LegalName = legalName, PreferredName = preferredName, Email = email, Phone = phone, PostalAddress = address,
            OrganisationId = organisationId, SupervisorId = supervisorId, CreatedAt = Clock.GetUtcNow(),
        };
        person.Credentials.Add(new Credential { ProgramId = programId, Number = number, Status = status, ExpiresOn = expiresOn ?? new DateOnly(2027, 6, 30) });
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }
}
