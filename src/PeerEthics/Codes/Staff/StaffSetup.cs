namespace PeerEthics.Codes.Staff;

public static class StaffSetup
{
    /// <summary>The drafts and previews behind the staff pages for codes.</summary>
    public static IServiceCollection AddCodeStaff(this IServiceCollection services)
    {
        services.AddScoped<CodeDraftStore>();
        services.AddScoped<DraftPreviewReader>();
        return services;
    }
}
