using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.BrowserTests.Infrastructure;

/// <summary>
/// The whole app on a real Kestrel server at 127.0.0.1 on a free port, so a real browser can reach it. Same
/// start-up, data and fake clock as the integration tests; SQLite, since the browser journeys only read.
/// </summary>
public sealed class KestrelAppFactory : PeerEthicsAppFactory
{
    public KestrelAppFactory()
        : base(DatabaseProvider.Sqlite) => UseKestrel();

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c>. Starts the app on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            return new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Passed on as --urls=, which `serve` honours; port 0 lets the system pick a free port.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Warnings and errors only: a failing journey should not be buried under every SQL command.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
