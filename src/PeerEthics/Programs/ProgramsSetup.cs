namespace PeerEthics.Programs;

public static class ProgramsSetup
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddScoped<ProgramSettingsHistory>();
        return services;
    }
}
