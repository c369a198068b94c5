using Microsoft.AspNetCore.Authorization;
using PeerEthics.Accounts;

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

    /// <summary>
    /// The staff pages (codes, the audit trail) name policies of the shared <see cref="Policies"/> contract.
    /// The deny-by-default work registers all of them, with the fallback; whichever registration comes first,
    /// these are the same definitions, so a page never names a policy the app does not know.
    /// </summary>
    public static IServiceCollection AddStaffPolicies(this IServiceCollection services) =>
        services.AddAuthorization(options =>
        {
            var shared = new AuthorizationOptions();
            Policies.Configure(shared);
            foreach (var name in (string[])[Policies.ManageCodes, Policies.Administer])
            {
                if (options.GetPolicy(name) is null)
                {
                    options.AddPolicy(name, shared.GetPolicy(name)!);
                }
            }
        });
}
