using PeerEthics.Codes.Crosswalk;
using PeerEthics.Codes.Themes;

namespace PeerEthics.Codes;

public static class CodesSetup
{
    public static IServiceCollection AddCodes(this IServiceCollection services)
    {
        services.AddSingleton(_ => ThemeTaxonomy.LoadShipped());
        services.AddSingleton<ThemeTagger>();
        services.AddSingleton<CrosswalkBuilder>();
        services.AddSingleton<ParsedVersionCache>();
        services.AddScoped<CodeReader>();
        services.AddScoped<CodePublisher>();
        return services;
    }
}
