namespace PeerEthics.Disclosures;

public static class DisclosuresSetup
{
    public static IServiceCollection AddDisclosures(this IServiceCollection services)
    {
        services.AddScoped<DisclosureFiling>();
        services.AddScoped<DisclosureAccess>();
        services.AddScoped<DisclosureDecisions>();
        return services;
    }
}
