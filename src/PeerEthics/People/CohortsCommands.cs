using System.CommandLine;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Codes;
using PeerEthics.People.Forms;

namespace PeerEthics.People;

/// <summary>
/// <c>peerethics cohorts list|withdraw|complete</c>: the training cohorts, taking a trainee out of one, and completing
/// one (as the staff pages do).
/// </summary>
public static class CohortsCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var cohorts = new Command("cohorts", "Training cohorts: completing one makes the trainees who finished it eligible for certification.");
        cohorts.Subcommands.Add(List(output));
        cohorts.Subcommands.Add(Withdraw(output, error));
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
            var outcome = await scope.ServiceProvider.GetRequiredService<CohortRoster>().CompleteAsync(cohortId, parseResult.GetValue(didNotFinish) ?? [], cancellationToken);
            if (outcome is Outcome<CohortView>.Done(var cohort))
            {
                var finished = cohort.Enrolled.Count(e => e.Finished == true);
                await output.WriteLineAsync($"Completed cohort {cohort.Id} ({cohort.Name}) on {FormValues.Iso(cohort.CompletedOn)}: {finished} finished and are eligible for certification, {cohort.Enrolled.Count - finished} did not.");
                return 0;
            }

            return await RefusedAsync(outcome, cohortId, error);
        });
        return command;
    }

    private static Command Withdraw(TextWriter output, TextWriter error)
    {
        var id = new Argument<int>("id") { Description = "The cohort's id (see `peerethics cohorts list`)." };
        var person = new Option<int>("--person") { Description = "The person id of the trainee to take out of the cohort.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why they are leaving the cohort, such as \"moved away\" or \"enrolled by mistake\" (at most 500 characters).", Required = true };
        var command = new Command("withdraw", "Take a trainee out of a cohort before it is completed. They stay on its roster as withdrawn, with the date and the reason, and stay a trainee; enrolling them again on the cohort page brings them back.") { id, person, reason };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var cohortId = parseResult.GetValue(id);
            var personId = parseResult.GetValue(person);
            var outcome = await scope.ServiceProvider.GetRequiredService<CohortRoster>()
                .WithdrawAsync(cohortId, new WithdrawalInput(personId, parseResult.GetValue(reason)), cancellationToken);
            if (outcome is Outcome<CohortView>.Done(var cohort))
            {
                var trainee = cohort.Enrolments.Single(e => e.PersonId == personId);
                await output.WriteLineAsync($"Took {trainee.Name} (person {personId}) out of cohort {cohort.Id} ({cohort.Name}) on {FormValues.Iso(trainee.WithdrawnOn)}. {cohort.Enrolled.Count} trainee(s) remain enrolled.");
                return 0;
            }

            return await RefusedAsync(outcome, cohortId, error);
        });
        return command;
    }

    /// <summary>Prints why the roster refused (exit 1), or that the cohort does not exist (a usage error).</summary>
    private static async Task<int> RefusedAsync(Outcome<CohortView> outcome, int cohortId, TextWriter error)
    {
        if (outcome is Outcome<CohortView>.Refused(var errors))
        {
            foreach (var (_, message) in errors.All)
            {
                await error.WriteLineAsync($"peerethics: {message}");
            }

            return 1;
        }

        await error.WriteLineAsync($"peerethics: there is no cohort {cohortId}; `peerethics cohorts list` shows the cohorts there are.");
        return PeerEthicsCommandLine.UsageError;
    }
}
