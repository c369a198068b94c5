using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

public sealed class IdentityCoreTests
{
    [Theory, AllDatabases]
    public async Task Every_role_of_the_design_brief_exists_after_first_start(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        await using var scope = app.Scope();

        var roles = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Roles.Select(r => r.Name).ToListAsync();

        Assert.Equal(Roles.All.Order(), roles.Order());
    }

    [Theory, AllDatabases]
    public async Task Passwords_are_hashed_with_at_least_210000_pbkdf2_iterations(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        var user = await app.CreateUserAsync("reader@example.org", Roles.PeerSpecialist);

        // Identity's v3 hash: format marker 0x01, PRF (big-endian), iteration count (big-endian), ...
        var hash = Convert.FromBase64String(user.PasswordHash!);

        Assert.Equal(0x01, hash[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 210_000);
    }

    [Theory]
    [InlineData("short pass1", false)]
    [InlineData("twelve chars", true)]
    [InlineData("alllowercaseletters", true)]
    public async Task A_password_needs_twelve_characters_and_no_particular_mix(string password, bool accepted)
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        _ = app.CreateClient();
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        var result = await users.CreateAsync(new User { UserName = "p@example.org", Email = "p@example.org", DisplayName = "P" }, password);

        Assert.Equal(accepted, result.Succeeded);
    }
}
