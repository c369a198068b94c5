using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;

namespace PeerEthics.Tests.Infrastructure;

/// <summary>Real Identity accounts for tests that sign in for real.</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery staple";

    public static async Task<User> CreateUserAsync(this PeerEthicsAppFactory app, string email, params string[] roles)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = app.Clock.GetUtcNow() };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            var added = await users.AddToRolesAsync(user, roles);
            Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        return user;
    }
}
