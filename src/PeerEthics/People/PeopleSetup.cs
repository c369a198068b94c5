using Microsoft.AspNetCore.Authorization;

namespace PeerEthics.People;

public static class PeopleSetup
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<CredentialLifecycle>();
        services.AddScoped<CohortRoster>();
        services.AddScoped<IAuthorizationHandler, LinkedPersonHandler>();
        return services;
    }

    /// <summary>The daily lapse check; the web app only (the command line lapses on demand).</summary>
    public static IServiceCollection AddLapseJob(this IServiceCollection services) => services.AddHostedService<LapseJob>();
}
