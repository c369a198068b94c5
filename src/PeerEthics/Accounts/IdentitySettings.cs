using Microsoft.AspNetCore.Identity;

namespace PeerEthics.Accounts;

/// <summary>
/// The Identity settings, in one place, so the app, the migrations tooling and the tests build the same
/// model: schema version 3 (with passkeys), and the password and lockout rules of the security baseline.
/// </summary>
public static class IdentitySettings
{
    /// <summary>PBKDF2-HMAC-SHA512 iterations: at least OWASP's 210,000 (Identity's default is 100,000).</summary>
    public const int PasswordHashIterations = 210_000;

    public const int MinimumPasswordLength = 12;

    public static void Configure(IdentityOptions options)
    {
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        options.User.RequireUniqueEmail = true;

        // Length, not composition: composition rules make passwords harder to remember, not to guess.
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>
    /// A service provider holding only the Identity options, for contexts built outside the app (the
    /// migrations tooling, tests): the Identity model reads its schema version from it.
    /// </summary>
    public static IServiceProvider ModelServices() =>
        new ServiceCollection().Configure<IdentityOptions>(Configure).BuildServiceProvider();
}
