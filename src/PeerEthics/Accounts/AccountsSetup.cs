using Microsoft.AspNetCore.Identity;
using PeerEthics.Data;
using PeerEthics.Email;

namespace PeerEthics.Accounts;

public static class AccountsSetup
{
    /// <summary>ASP.NET Core Identity on the app's own database, with the app's own pages.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<User, IdentityRole>(IdentitySettings.Configure)
            .AddEntityFrameworkStores<PeerEthicsDb>()
            .AddUserStore<AccountStore>()
            .AddDefaultTokenProviders();

        // In place of Identity's authenticator provider: a code works once. Its clock is the real one, not the app's
        // TimeProvider (which tests set to a chosen day): a phone's authenticator app follows real time, as Identity's does.
        services.Configure<IdentityOptions>(options => options.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] =
            new TokenProviderDescriptor(typeof(SingleUseAuthenticatorTokenProvider)) { ProviderInstance = new SingleUseAuthenticatorTokenProvider(TimeProvider.System) });
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = IdentitySettings.PasswordHashIterations);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = Passwords.ResetLinkLifetime);
        services.AddEmail();
        services.AddSingleton<AccountLinks>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<SecondFactors>();
        services.AddScoped<AccountPasskeys>();
        services.AddScoped<Passwords>();
        services.AddScoped<InvitationService>();
        services.AddScoped<AccountDirectory>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add(new StaffSecondFactorFilter()));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "peerethics";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // API clients get status codes, not a redirect to a sign-in page.
            options.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Creates the roles of the design brief when missing. Idempotent.</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new IdentityRole(role));
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create the role {role}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
