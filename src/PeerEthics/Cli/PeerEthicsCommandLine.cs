using System.CommandLine;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Codes;
using PeerEthics.Data;
using PeerEthics.Ledger;
using PeerEthics.Rules;
using PeerEthics.People;
using PeerEthics.People.Import;
using PeerEthics.Programs;

namespace PeerEthics.Cli;

/// <summary>
/// The command line. Every command answers a usage error (unknown option, missing file, unreadable input)
/// with one line on stderr and exit code 2.
/// </summary>
public static class PeerEthicsCommandLine
{
    public const int UsageError = 2;

    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var (commandArgs, configuration) = SplitConfigurationOverrides(args);
        var root = Create(output, error, configuration);
        var result = root.Parse(commandArgs);
        if (result.Errors.Count > 0)
        {
            await error.WriteLineAsync($"peerethics: {OneLine(result.Errors[0].Message)}");
            return UsageError;
        }

        // Exceptions are not caught here: the test host stops the app by throwing from Build(), and
        // an unexpected failure should crash loudly with its stack trace.
        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error };
        return await result.InvokeAsync(invocation);
    }

    public static RootCommand Create(TextWriter output, TextWriter error, IReadOnlyList<string> configuration)
    {
        var root = new RootCommand("PeerEthics: codes of ethics, commitments and credentials for peer-specialist certification programs.");
        ServeCommand.AddTo(root, output, configuration);
        root.Subcommands.Add(ServeCommand.Create(output, configuration));
        root.Subcommands.Add(MigrateCommand(output));
        root.Subcommands.Add(CodesCommands.Create(output, error));
        root.Subcommands.Add(AuditCommands.Create(output, error));
        root.Subcommands.Add(CommitmentsCommands.Create(output, error));
        root.Subcommands.Add(RulesCommands.Create(output, error));
        root.Subcommands.Add(UsersCommands.Create(output, error));
        root.Subcommands.Add(ProgramsCommands.Create(output));
        root.Subcommands.Add(CredentialsCommands.Create(output));
        root.Subcommands.Add(CohortsCommands.Create(output, error));
        root.Subcommands.Add(PeopleCommands.Create(output, error));
        root.Subcommands.Add(Campaigns.CampaignsCommands.Create(output, error));
        root.Subcommands.Add(Demo.DemoCommands.Create(output, error));
        return root;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// <c>serve</c> (and <c>peerethics</c> alone) take ASP.NET Core configuration overrides as
    /// <c>--Key=value</c>, e.g. <c>--Database:Provider=Postgres</c>; that is also how a test host passes its
    /// settings. They are set aside before parsing; any other unknown option is still an error.
    /// </summary>
    private static (string[] CommandArgs, IReadOnlyList<string> Configuration) SplitConfigurationOverrides(string[] args)
    {
        var servesWeb = args.Length == 0 || args[0] == "serve" || args[0].StartsWith("--", StringComparison.Ordinal);
        if (!servesWeb)
        {
            return (args, []);
        }

        var configuration = args.Where(IsConfigurationOverride).ToList();
        return ([.. args.Where(a => !IsConfigurationOverride(a))], configuration);
    }

    private static bool IsConfigurationOverride(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal)
        && arg.IndexOf('=', StringComparison.Ordinal) > 2
        && !ServeCommand.OptionNames.Any(name => arg.StartsWith(name + "=", StringComparison.Ordinal));

    private static Command MigrateCommand(TextWriter output)
    {
        var command = new Command("migrate", "Apply pending database migrations to the configured database.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Create();
            await host.Services.MigrateAsync(cancellationToken);
            var settings = host.Services.GetRequiredService<DatabaseSettings>();
            await output.WriteLineAsync($"Migrated the {settings.Provider} database.");
            return 0;
        });
        return command;
    }
}
