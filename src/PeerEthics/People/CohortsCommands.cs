using System.CommandLine;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Codes;
using PeerEthics.People.Forms;

namespace PeerEthics.People;

/// <summary><c>peerethics cohorts list|complete</c>: the training cohorts, and completing one (as the staff page does).</summary>
public static class CohortsCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var cohorts = new Command("cohorts", "Training cohorts: completing one makes the trainees who finished it eligible for certification.");
        cohorts.Subcommands.Add(List(output));
        cohorts.Subcommands.Add(Complete(output, error));
        return cohorts;
    }

    private static Command List(TextWriter output)
    {
        var format = CliFormat.Option("text", "json");
        var command = new Command("list", "Cohorts, newest first: id, name, program, dates, trainer, number enrolled, completed.") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var cohorts = await scope.ServiceProvider.GetRequiredService<CohortRoster>().SummariesAsync(cancellationToken);
            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(cohorts, CodeExporter.ReadableJson));
                return 0;
            }

            foreach (var c in cohorts)
            {
                await output.WriteLineAsync($"{c.Id}\t{c.Name}\t{c.ProgramName}\t{FormValues.Iso(c.StartsOn)} to {FormValues.Iso(c.EndsOn)}\t{c.Trainer}\t{c.Enrolled} enrolled\t{(c.CompletedOn is { } on ? $"completed {FormValues.Iso(on)}" : "not completed")}");
            }

            await output.WriteLineAsync($"{cohorts.Count} cohort(s).");
            return 0;
        });
        return command;
    }

    private static Command Complete(TextWriter output, TextWriter error)
    {
        var id = new Argument<int>("id") { Description = "The cohort's id (see `peerethics cohorts list`)." };
        var didNotFinish = new Option<int[]>("--did-not-finish")
        {
            Description = "The person id of a trainee who did not finish (repeat for each); everyone else enrolled finished.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("complete", "Record that a cohort's training is over: the trainees who finished become eligible for certification. Cannot be undone.") { id, didNotFinish };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var cohortId = parseResult.GetValue(id);
            switch (await scope.ServiceProvider.GetRequiredService<CohortRoster>().CompleteAsync(cohortId, parseResult.GetValue(didNotFinish) ?? [], cancellationToken))
            {
                case Outcome<CohortView>.Done(var cohort):
                    var finished = cohort.Enrolments.Count(e => e.Finished == true);
                    await output.WriteLineAsync($"Completed cohort {cohort.Id} ({cohort.Name}) on {FormValues.Iso(cohort.CompletedOn)}: {finished} finished and are eligible for certification, {cohort.Enrolments.Count - finished} did not.");
                    return 0;
                case Outcome<CohortView>.Refused(var errors):
                    foreach (var (_, message) in errors.All)
                    {
                        await error.WriteLineAsync($"peerethics: {message}");
                    }

                    return 1;
                default:
                    await error.WriteLineAsync($"peerethics: there is no cohort {cohortId}; `peerethics cohorts list` shows the cohorts there are.");
                    return PeerEthicsCommandLine.UsageError;
            }
        });
        return command;
    }
}
