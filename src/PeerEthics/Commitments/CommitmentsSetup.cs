using PeerEthics.ContinuingEducation;

namespace PeerEthics.Commitments;

public static class CommitmentsSetup
{
    /// <summary>Signing the code: the flow, the index queries, the signer's fresh proof, and the renewal requirement.</summary>
    public static IServiceCollection AddCommitments(this IServiceCollection services)
    {
        services.AddScoped<CommitmentIndex>();
        services.AddScoped<SignerCheck>();
        services.AddScoped<CommitmentSigning>();
        services.AddScoped<IRenewalRequirement, SignedCommitmentRequirement>();
        return services;
    }
}
