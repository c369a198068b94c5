using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Cli;
using PeerEthics.Codes;
using PeerEthics.Codes.Pages;
using PeerEthics.Codes.Staff;
using PeerEthics.Data;
using PeerEthics.Web;

// One executable: the web app, and the command line staff script against it. `serve` is the default command.
return await PeerEthicsCommandLine.InvokeAsync(args);

public partial class Program
{
    /// <summary>The web app, feature by feature. Used by <c>serve</c> and by the tests.</summary>
    public static WebApplication BuildWebApp(string[] args)
    {
        // The app's files sit beside the executable, wherever it is started from (a test host passes its own).
        var builder = args.Any(a => a.StartsWith("--contentRoot=", StringComparison.OrdinalIgnoreCase))
            ? WebApplication.CreateBuilder(args)
            : WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseStaticWebAssets();

        builder.AddPeerEthicsData();
        builder.Services.AddWebDefaults();
        builder.Services.AddAudit(AuditProcessActor.System);
        builder.Services.AddAccounts();
        builder.Services.AddStaffPolicies();
        builder.Services.AddCodes();
        builder.Services.AddCodeStaff();

        var app = builder.Build();

        app.UseWebDefaults();
        app.MapHealth();
        app.MapCodesApi();
        app.MapStaffCodesApi();
        app.MapAuditApi();
        app.MapCodeExports();
        app.MapRazorPages();

        return app;
    }
}
