using PeerEthics.Accounts;
using PeerEthics.People;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.ContinuingEducation;

/// <summary>A certified specialist with a real account linked to their record, and a client signed in as them.</summary>
public sealed record Specialist(int PersonId, CredentialView Credential, HttpClient Client);

public static class Specialists
{
    public static async Task<Specialist> CertifiedSpecialistAsync(this PeopleApp app, string name)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org";
        var user = await app.CreateUserAsync(email, Roles.PeerSpecialist);
        var (personId, credential) = await app.CertifiedAsync(name, userEmail: email);
        return new Specialist(personId, credential, app.CreateClientAs(user.Id, [Roles.PeerSpecialist], mfa: false));
    }
}
