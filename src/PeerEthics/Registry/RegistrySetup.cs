namespace PeerEthics.Registry;

public static class RegistrySetup
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddScoped<RegistrySearch>();
        services.AddScoped<Demo.DemoSeeder>();
        return services;
    }
}
