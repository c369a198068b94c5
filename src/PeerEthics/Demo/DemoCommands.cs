using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Codes;
using PeerEthics.People.Forms;

namespace PeerEthics.Demo;

/// <summary><c>peerethics demo seed</c>: realistic fake people and credentials, for demonstrations and benchmarks.</summary>
public static class DemoCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var demo = new Command("demo", "Demonstration data. Never run it on a database with real people (it refuses unless --force).");
        demo.Subcommands.Add(Seed(output, error));
        return demo;
    }

    private static Command Seed(TextWriter output, TextWriter error)
    {
        var people = new Option<int>("--people") { Description = $"How many people to add (1 to {DemoSeeder.MaxPeople:N0}), each with one credential.", Required = true };
        var program = new Option<string?>("--program") { Description = "The program's slug; without it people are spread over every program." };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed on an empty database gives the same people.", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = "Add demo people even though the database already has people (mixing them on purpose)." };
        var format = CliFormat.Option("text", "json");
        var command = new Command("seed", "Add fake people (varied names, accented ones too), each with a credential in the program's number format, "
            + "a varied status and expiry date, a first status history entry and the registry's search keys; all in one transaction. "
            + "Email addresses end in @example.invalid.") { people, program, seed, force, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(
                parseResult.GetValue(people), parseResult.GetValue(program), parseResult.GetValue(seed), parseResult.GetValue(force), cancellationToken);
            switch (outcome)
            {
                case Outcome<DemoSeedReport>.Done(var report):
                    if (parseResult.GetValue(format) == "json")
                    {
                        await output.WriteLineAsync(JsonSerializer.Serialize(
                            new { people = report.People, listed = report.Listed, byStatus = report.ByStatus, seconds = Math.Round(report.Took.TotalSeconds, 1) },
                            CodeExporter.ReadableJson));
                        return 0;
                    }

                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Added {report.People:N0} demo people in {report.Took.TotalSeconds:0.0} s; {report.Listed:N0} listed in the public registry."));
                    foreach (var (status, count) in report.ByStatus.OrderByDescending(s => s.Value))
                    {
                        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {status}\t{count:N0}"));
                    }

                    return 0;
                case Outcome<DemoSeedReport>.Refused(var errors):
                    foreach (var (_, message) in errors.All)
                    {
                        await error.WriteLineAsync($"peerethics: {message}");
                    }

                    return 1;
                default:
                    return 1;
            }
        });
        return command;
    }
}
