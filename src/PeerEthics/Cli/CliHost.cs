using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Codes;
using PeerEthics.ContinuingEducation;
using PeerEthics.Codes.Staff;
using PeerEthics.Data;
using PeerEthics.Ledger;
using PeerEthics.Rules;
using PeerEthics.People;
using PeerEthics.Programs;

namespace PeerEthics.Cli;

/// <summary>The services a command needs (data, features) without a web server.</summary>
public static class CliHost
{
    public static IHost Create()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        // stdout is the command's output (often JSON); logs go to stderr.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPeerEthicsData();
        builder.Services.AddAudit(AuditProcessActor.CommandLine());
        builder.Services.AddCodes();
        builder.Services.AddRules();
        builder.Services.AddCodeStaff();
        builder.Services.AddAccounts();
        builder.Services.AddLedger();
        builder.Services.AddPrograms();
        builder.Services.AddPeople();
        builder.Services.AddContinuingEducation();
        return builder.Build();
    }

    /// <summary>A host whose database is ready to read, prepared the way <c>serve</c> prepares it.</summary>
    public static async Task<IHost> CreateReadyAsync(CancellationToken cancellationToken)
    {
        var host = Create();
        await host.Services.PrepareDatabaseAsync(cancellationToken);
        return host;
    }
}
