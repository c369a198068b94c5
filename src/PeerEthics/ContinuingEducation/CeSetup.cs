namespace PeerEthics.ContinuingEducation;

public static class CeSetup
{
    public static IServiceCollection AddContinuingEducation(this IServiceCollection services)
    {
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<CeLog>();
        services.AddScoped<Renewals>();
        services.AddScoped<IRenewalRequirement, CeHoursRequirement>();
        services.AddScoped<IRenewalRequirement, EthicsHoursRequirement>();
        return services;
    }
}
