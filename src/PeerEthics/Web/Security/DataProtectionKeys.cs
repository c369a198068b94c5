using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using PeerEthics.Data;

namespace PeerEthics.Web.Security;

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens live in <c>&lt;data directory&gt;/keys</c>, so a
/// restart (or a second instance on the same data) keeps people signed in. They are created on first use,
/// never come from the repository, and the folder is readable by the app's own user only.
/// </summary>
public static class DataProtectionKeys
{
    /// <summary>Fixed, so moving or republishing the app does not orphan its keys (the default is the content root).</summary>
    public const string ApplicationName = "PeerEthics";

    public static string DirectoryOf(DatabaseSettings settings) => Path.Combine(settings.DataDirectory, "keys");

    public static IServiceCollection AddDataProtectionKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        // What PersistKeysToFileSystem does, but with the data directory resolved when first needed.
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new FileSystemXmlRepository(CreateKeysDirectory(sp.GetRequiredService<DatabaseSettings>()), sp.GetRequiredService<ILoggerFactory>())));
        return services;
    }

    private static DirectoryInfo CreateKeysDirectory(DatabaseSettings settings)
    {
        var path = DirectoryOf(settings);
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
