using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Campaigns;
using PeerEthics.Cli;
using PeerEthics.Codes;
using PeerEthics.Commitments;
using PeerEthics.ContinuingEducation;
using PeerEthics.Codes.Pages;
using PeerEthics.Codes.Staff;
using PeerEthics.Data;
using PeerEthics.Disclosures;
using PeerEthics.Ledger;
using PeerEthics.Rules;
using PeerEthics.People;
using PeerEthics.People.Import;
using PeerEthics.Programs;
using PeerEthics.Registry;
using PeerEthics.Web;
using PeerEthics.Web.Security;

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

        AddFeatures(builder, AuditProcessActor.System);
        builder.Services.AddWebDefaults();
        // What only a running server does: the ledger's signing key made at start, the daily lapse and reminder jobs.
        builder.Services.AddLedgerKeyAtStart();
        builder.Services.AddLapseJob();
        builder.Services.AddCampaignReminderJob();

        var app = builder.Build();

        app.UseWebDefaults();
        // Every endpoint is mapped in the site group, which makes public exactly what PublicEndpoints lists.
        var site = app.MapSite();
        site.MapWebDefaults();
        site.MapCodesApi();
        site.MapCodeExports();
        site.MapStaffCodesApi();
        site.MapAuditApi();
        site.MapLedgerApi();
        site.MapRulesApi();
        site.MapAccountsApi();
        site.MapProgramsApi();
        site.MapPeopleApi();
        site.MapCeStaffApi();
        site.MapMyApi();
        site.MapDisclosuresApi();
        site.MapPeopleImportApi();
        site.MapCommitmentsApi();
        site.MapCampaignsApi();
        site.MapRegistryApi();
        site.MapRazorPages();

        return app;
    }

    /// <summary>
    /// Every feature's services, the same for the web app and the command line (<c>Cli/CliHost</c>); they
    /// differ only in who acts in the audit trail when no person does.
    /// </summary>
    public static void AddFeatures(IHostApplicationBuilder builder, AuditProcessActor actor)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPeerEthicsData();
        builder.Services.AddAudit(actor);
        builder.Services.AddAccounts();
        builder.Services.AddCodes();
        builder.Services.AddCodeStaff();
        builder.Services.AddLedger();
        builder.Services.AddRules();
        builder.Services.AddPrograms();
        builder.Services.AddPeople();
        builder.Services.AddContinuingEducation();
        builder.Services.AddDisclosures();
        builder.Services.AddPeopleImport();
        builder.Services.AddCommitments();
        builder.Services.AddCampaigns();
        builder.Services.AddRegistry();
    }
}
