#:project ../../src/PeerEthics/PeerEthics.csproj
#:property PublishAot=false

// Used by scripts/security-scan only: creates an administrator (with a second factor on record) in the data
// directory of a running PeerEthics and prints a sign-in cookie for it, so wapiti can scan the app signed in.
// It needs what only the server's owner has: the database and the data-protection keys in the data directory.
// Nothing here is part of the app: the app has no switch that signs anyone in.
//
//   PEERETHICS_DATA=<dir> dotnet run scripts/security-scan-session/SecurityScanSession.cs -- <email>

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerEthics.Accounts;

internal static class SecurityScanSession
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 1 || Environment.GetEnvironmentVariable("PEERETHICS_DATA") is null)
        {
            await Console.Error.WriteLineAsync("usage: PEERETHICS_DATA=<dir> dotnet run SecurityScanSession.cs -- <email>");
            return 2;
        }

        var email = args[0];
        var app = Program.BuildWebApp([]);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Security scan", CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            Check(created);
            Check(await users.AddToRoleAsync(user, Roles.Administrator));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        // What the sign-in pages issue after a password and a second factor: the app's own cookie format and keys.
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Policies.MfaClaimType, Policies.MfaClaimValue));
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8) }, IdentityConstants.ApplicationScheme);
        var cookie = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Console.WriteLine($"{cookie.Cookie.Name}={cookie.TicketDataFormat.Protect(ticket)}");
        return 0;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
