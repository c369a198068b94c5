using System.CommandLine;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Codes;
using PeerEthics.Web;

namespace PeerEthics.Campaigns;

/// <summary><c>peerethics campaigns list|show &lt;id&gt;|remind</c>: re-commitment campaigns, one in detail, and the reminders due today.</summary>
public static class CampaignsCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var campaigns = new Command("campaigns", "Re-commitment campaigns: who must sign a new code version, by when, and the email reminders.");
        campaigns.Subcommands.Add(List(output));
        campaigns.Subcommands.Add(Show(output, error));
        campaigns.Subcommands.Add(Remind(output));
        return campaigns;
    }

    private static Command List(TextWriter output)
    {
        var format = CliFormat.Option("text", "json");
        var command = new Command("list", "Campaigns, newest first: id, program, code version, deadline, signed, pending, overdue.") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<CampaignDashboard>().ListAsync(cancellationToken);
            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(list.Select(CampaignJson.From), CodeExporter.ReadableJson));
                return 0;
            }

            foreach (var c in list)
            {
                await output.WriteLineAsync($"{c.Id}\t{c.Program}\t{c.Code} version {c.CodeVersion}\tdeadline {Display.Iso(c.Deadline)}{(c.Open ? "" : " (ended)")}\t"
                    + $"{c.Totals.Signed} signed, {c.Totals.Pending} pending, {c.Totals.Overdue} overdue of {c.Totals.Members}{Excused(c.Totals)}");
            }

            await output.WriteLineAsync($"{list.Count} campaign(s).");
            return 0;
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var id = new Argument<int>("id") { Description = "The campaign's id (see `peerethics campaigns list`)." };
        var format = CliFormat.Option("text", "json");
        var command = new Command("show", "One campaign: totals, by employer and by supervisor, and who has not signed.") { id, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var campaignId = parseResult.GetValue(id);
            if (await scope.ServiceProvider.GetRequiredService<CampaignDashboard>().GetAsync(campaignId, cancellationToken) is not { } detail)
            {
                await error.WriteLineAsync($"peerethics: there is no campaign {campaignId}; `peerethics campaigns list` shows the campaigns there are.");
                return PeerEthicsCommandLine.UsageError;
            }

            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(CampaignDetailJson.From(detail), CodeExporter.ReadableJson));
                return 0;
            }

            var c = detail.Summary;
            await output.WriteLineAsync($"Campaign {c.Id}: {c.ProgramName}, version {c.CodeVersion} of the {c.CodeTitle}{(c.Open ? "" : $" (ended: {c.EndedReason})")}");
            await output.WriteLineAsync($"Opens {Display.Iso(c.OpensOn)}, deadline {Display.Iso(c.Deadline)}.");
            await output.WriteLineAsync($"{c.Totals.Signed} signed, {c.Totals.Pending} pending, {c.Totals.Overdue} overdue, of {c.Totals.Members}{Excused(c.Totals)}.");
            foreach (var (title, groups) in new[] { ("By employer", detail.ByOrganisation), ("By supervisor", detail.BySupervisor) })
            {
                await output.WriteLineAsync($"{title}:");
                foreach (var g in groups)
                {
                    await output.WriteLineAsync($"  {g.Name}\t{g.Totals.Signed} signed, {g.Totals.Pending} pending, {g.Totals.Overdue} overdue{Excused(g.Totals)}");
                }
            }

            await output.WriteLineAsync("Not signed:");
            foreach (var m in detail.NotSigned)
            {
                await output.WriteLineAsync($"  {m.PersonId}\t{m.Name}\t{m.State.Name()}\t{m.Organisation ?? CampaignDashboard.NoOrganisation}\t{m.Supervisor ?? CampaignDashboard.NoSupervisor}");
            }

            return 0;
        });
        return command;
    }

    private static Command Remind(TextWriter output)
    {
        var command = new Command("remind", "Send the reminders due today (what the daily job does); each reminder goes once per person, and failed ones are tried again.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<CampaignReminders>().RunAsync(cancellationToken);
            foreach (var (campaignId, kind, sent, failed) in run.ByCampaign)
            {
                await output.WriteLineAsync($"Campaign {campaignId}: {sent} reminder(s) {kind.Describe()} sent, {failed} not sent.");
            }

            await output.WriteLineAsync($"{run.Sent} reminder(s) sent, {run.Failed} not sent (tried again on the next run).");
            return run.Failed > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>", 2 no longer need to sign" when some members are excused; nothing otherwise.</summary>
    private static string Excused(CampaignTotals totals) =>
        totals.Excused == 0 ? "" : $", {totals.Excused} no longer {(totals.Excused == 1 ? "needs" : "need")} to sign";
}
