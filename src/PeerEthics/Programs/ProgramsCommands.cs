using System.CommandLine;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Codes;
using PeerEthics.People.Forms;
using PeerEthics.Web;

namespace PeerEthics.Programs;

/// <summary><c>peerethics programs list</c>: the programs and the settings in force today.</summary>
public static class ProgramsCommands
{
    public static Command Create(TextWriter output)
    {
        var programs = new Command("programs", "Certification programs and their renewal settings.");
        programs.Subcommands.Add(List(output));
        return programs;
    }

    private static Command List(TextWriter output)
    {
        var format = CliFormat.Option("text", "json");
        var command = new Command("list", "Each program with its slug and the settings in force today.") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<ProgramSettingsHistory>().ListAsync(cancellationToken);
            if (parseResult.GetValue(format) == "json")
            {
                var json = list.Select(p => new ProgramJson(p.Slug, p.Name, p.Code, p.InForce is { } s ? ProgramSettingsJson.From(s) : null));
                await output.WriteLineAsync(JsonSerializer.Serialize(json, CodeExporter.ReadableJson));
                return 0;
            }

            foreach (var p in list)
            {
                var settings = p.InForce is { } s
                    ? $"{s.RenewalCycleMonths}-month cycle, {FormValues.Hours(s.CeHoursPerCycle)} CE hours ({FormValues.Hours(s.EthicsHoursPerCycle)} ethics), {s.GracePeriodDays}-day grace, numbers {s.NumberFormat}, from {Display.Iso(s.EffectiveFrom)}{(s.ToConfirm ? " (to confirm)" : "")}"
                    : "no settings";
                await output.WriteLineAsync($"{p.Slug}\t{p.Name}\t{settings}");
            }

            return 0;
        });
        return command;
    }
}
