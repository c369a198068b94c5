using PeerEthics.Ledger.Pledges;

namespace PeerEthics.Ledger;

public static class LedgerSetup
{
    /// <summary>The commitment ledger, its signing key, verification and pledges.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddSingleton(sp => LedgerSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => LedgerSigningKey.LoadOrCreate(sp.GetRequiredService<LedgerSettings>().SigningKeyPath));
        services.AddScoped<CommitmentLedger>();
        services.AddScoped<CommitmentVerifier>();
        services.AddScoped<PledgeTemplates>();
        return services;
    }

    /// <summary>The web app creates the signing key when it starts, so its public key is published from the first moment.</summary>
    public static IServiceCollection AddLedgerKeyAtStart(this IServiceCollection services) =>
        services.AddHostedService<LedgerKeyAtStart>();

    // Resolving the key is what creates it.
    private sealed class LedgerKeyAtStart(LedgerSigningKey key) : IHostedService
    {
        public string KeyId => key.KeyId;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
