using PeerEthics.ContinuingEducation;
using PeerEthics.Web;

namespace PeerEthics.Commitments;

/// <summary>Renewal needs a current commitment: the person signed the code version in force for the credential's program.</summary>
public sealed class SignedCommitmentRequirement(CommitmentIndex index) : IRenewalRequirement
{
    public const string Key = "commitment";

    public async Task<RequirementCheck> CheckAsync(RenewalContext context, CancellationToken cancellationToken)
    {
        const string Name = "Signed commitment to the code of ethics";
        var credential = context.Credential;
        if (await index.InForceAsync(credential.ProgramId, cancellationToken) is not { } version)
        {
            return new RequirementCheck(Key, Name, true, "The program has no code of ethics to sign.");
        }

        return await index.SignedAsync(credential.PersonId, credential.ProgramId, version.Id, cancellationToken) is { } signed
            ? new RequirementCheck(Key, Name, true, $"You signed version {version.Number} of the {version.Title} on {Display.Date(signed.SignedAt)}.")
            : new RequirementCheck(Key, Name, false,
                $"Sign the pledge of version {version.Number} of the {version.Title}, the version in force, on the Your commitments page (/my/commitments/sign?program={credential.ProgramSlug}).");
    }
}
