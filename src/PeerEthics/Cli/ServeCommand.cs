using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PeerEthics.Accounts;
using PeerEthics.Data;

namespace PeerEthics.Cli;

/// <summary><c>peerethics serve [--urls …]</c>, also what <c>peerethics</c> alone does.</summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static readonly IReadOnlyList<string> OptionNames = ["--urls", "--environment"];

    public static Command Create(TextWriter output, IReadOnlyList<string> configuration)
    {
        var command = new Command("serve", "Run the web app (the default command). Also takes configuration overrides as --Key=value.");
        AddTo(command, output, configuration);
        return command;
    }

    /// <summary>Gives <paramref name="command"/> the serve options and action.</summary>
    public static void AddTo(Command command, TextWriter output, IReadOnlyList<string> configuration)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, e.g. {DefaultUrl} (the default)." };
        var environment = new Option<string?>("--environment") { Description = "Production (default) or Development." };
        command.Options.Add(urls);
        command.Options.Add(environment);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var aspNetArgs = new List<string>(configuration);
            if (parseResult.GetValue(environment) is { } env)
            {
                aspNetArgs.Add($"--environment={env}");
            }

            // --urls wins; then ASP.NET Core's own settings (ASPNETCORE_URLS, an override); then the default.
            if (parseResult.GetValue(urls) is { } listenOn)
            {
                aspNetArgs.Add($"--urls={listenOn}");
            }
            else if (Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null && !configuration.Any(c => c.StartsWith("--urls=", StringComparison.OrdinalIgnoreCase)))
            {
                aspNetArgs.Add($"--urls={DefaultUrl}");
            }

            var app = Program.BuildWebApp([.. aspNetArgs]);
            await app.Services.PrepareDatabaseAsync(cancellationToken);
            // Made before the server starts (so no request races it), printed after (the link needs the address).
            var firstAdministrator = await FirstAdministrator.PrepareAsync(app.Services, cancellationToken);
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            await output.WriteLineAsync($"PeerEthics is serving on {string.Join(", ", addresses)} ({settings.Provider}, data in {settings.DataDirectory}). Ctrl+C stops it.");
            await FirstAdministrator.AnnounceAsync(firstAdministrator, app.Services, output, cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
    }
}
