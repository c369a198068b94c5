using PeerEthics.Data;

namespace PeerEthics.Email;

public static class EmailSetup
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddSingleton(sp => EmailSettings.Read(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseSettings>()));
        services.AddSingleton<Mailer>();
        return services;
    }
}
