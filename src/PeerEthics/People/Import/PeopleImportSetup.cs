namespace PeerEthics.People.Import;

public static class PeopleImportSetup
{
    public static IServiceCollection AddPeopleImport(this IServiceCollection services)
    {
        services.AddScoped<PeopleImporter>();
        services.AddSingleton<ImportUploads>();
        return services;
    }
}
