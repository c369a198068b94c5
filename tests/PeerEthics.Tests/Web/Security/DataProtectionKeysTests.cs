using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PeerEthics.Data;
using PeerEthics.Web.Security;

namespace PeerEthics.Tests.Web.Security;

public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task Keys_live_in_the_data_directory_readable_by_the_app_user_only()
    {
        await using var app = new SecurityTestApp();
        _ = AntiforgeryTokens.For(app, null); // the first protected payload creates the key ring

        var keys = Path.Combine(app.DataDirectory, "keys");

        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }
    }

    [Fact]
    public async Task What_the_app_protected_can_still_be_read_after_a_restart()
    {
        await using var app = new SecurityTestApp();
        var purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";
        var cookie = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("a signed-in person");

        // The same data directory, a new process's services: the cookie is still good.
        var restarted = new ServiceCollection()
            .AddSingleton(new DatabaseSettings(DatabaseProvider.Sqlite, "", app.DataDirectory))
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
            .AddDataProtectionKeys()
            .BuildServiceProvider();
        var protector = restarted.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);

        Assert.Equal("a signed-in person", protector.Unprotect(cookie));
    }

    [Fact]
    public async Task Another_data_directory_cannot_read_it()
    {
        await using var app = new SecurityTestApp();
        var cookie = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Protect("secret");
        var elsewhere = Directory.CreateTempSubdirectory("peerethics-keys-").FullName;

        try
        {
            using var other = new ServiceCollection()
                .AddSingleton(new DatabaseSettings(DatabaseProvider.Sqlite, "", elsewhere))
                .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
                .AddDataProtectionKeys()
                .BuildServiceProvider();

            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
                other.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Unprotect(cookie));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
