using System.CommandLine;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Email;

namespace PeerEthics.Accounts;

/// <summary>
/// <c>peerethics users add</c> and <c>peerethics users list</c>: the machine's operator invites people (any role,
/// staff included) and sees who has an account. Accounts are only ever made by accepting an invitation.
/// </summary>
public static class UsersCommands
{
    /// <summary>The form's field names as the command line calls them.</summary>
    private static readonly Dictionary<string, string> Options = new()
    {
        ["Email"] = "--email",
        ["DisplayName"] = "--name",
        ["Role"] = "--role",
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var users = new Command("users", "Invite people and list accounts.");
        users.Subcommands.Add(Add(output, error));
        users.Subcommands.Add(List(output));
        return users;
    }

    private static Command Add(TextWriter output, TextWriter error)
    {
        var email = new Option<string>("--email") { Description = "The person's email address.", Required = true };
        var name = new Option<string>("--name") { Description = "The name to show on pages and in email.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}.", Required = true };
        var command = new Command("add", "Invite a person: prints a one-time link (and emails it) with which they choose a password.")
        {
            email, name, role,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
            var request = new NewInvitation(parseResult.GetValue(email), parseResult.GetValue(name), parseResult.GetValue(role));
            switch (await invitations.CreateAsync(request, "cli", mayInviteStaff: true, cancellationToken))
            {
                case InvitationOutcome.Refused(var errors):
                    foreach (var (field, messages) in errors)
                    {
                        foreach (var message in messages)
                        {
                            await error.WriteLineAsync($"peerethics: {Options.GetValueOrDefault(field, field)}: {WithoutField(message)}");
                        }
                    }

                    return PeerEthicsCommandLine.UsageError;
                case InvitationOutcome.Created(var invitation, var link, var mail):
                    await output.WriteLineAsync($"Invited {invitation.Email} as {Roles.Describe(invitation.Role)}. The link works once, until {AccountRules.When(invitation.ExpiresAt)}:");
                    await output.WriteLineAsync(link.ToString());
                    await output.WriteLineAsync(mail switch
                    {
                        MailOutcome.Sent(var where) => $"The invitation email was sent ({where}).",
                        MailOutcome.Failed(var reason) => $"The invitation email could not be sent ({reason}): give the person the link yourself.",
                        _ => "",
                    });
                    // On a fresh install, the operator also gets the first administrator's link (unless this was one).
                    if (await FirstAdministrator.PrepareAsync(host.Services, cancellationToken) is { } first)
                    {
                        await FirstAdministrator.AnnounceAsync(first, host.Services, output, cancellationToken);
                    }

                    return 0;
                default:
                    throw new InvalidOperationException("Unexpected invitation outcome.");
            }
        });
        return command;
    }

    private static Command List(TextWriter output)
    {
        var format = CliFormat.Option("text", "json");
        var command = new Command("list", "The accounts, with their roles and whether they use a second factor.") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var accounts = await scope.ServiceProvider.GetRequiredService<AccountDirectory>().ListAsync(cancellationToken);
            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(accounts, AccountDirectory.Json));
                return 0;
            }

            if (accounts.Count == 0)
            {
                await output.WriteLineAsync("No accounts yet. Invite someone with: peerethics users add --email <e> --name <n> --role <r>");
                return 0;
            }

            foreach (var account in accounts)
            {
                var roles = account.Roles.Count == 0 ? "no role" : string.Join(",", account.Roles);
                var secondFactor = account.TwoFactorEnabled ? "2fa" : "no-2fa";
                await output.WriteLineAsync($"{account.Email}\t{account.DisplayName}\t{roles}\t{secondFactor}{(account.LockedOut ? "\tlocked" : "")}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>"Role: choose one of…" becomes "choose one of…": the option name goes in front instead.</summary>
    private static string WithoutField(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon is > 0 and < 30 ? message[(colon + 2)..] : message;
    }
}
