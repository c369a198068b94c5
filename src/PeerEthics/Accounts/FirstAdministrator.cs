namespace PeerEthics.Accounts;

/// <summary>
/// A fresh installation has no accounts, and accounts are only made by invitation: so the first administrator's
/// invitation is made at start-up and its one-time link printed on the console, once. Until it is used, later
/// starts say it is waiting (the link itself is not kept, only its hash); when it has expired, a new one is made.
/// </summary>
public static class FirstAdministrator
{
    /// <summary>Makes the invitation when needed; the link can only be printed by <see cref="AnnounceAsync(FirstAdministratorInvitation?, IServiceProvider, TextWriter, CancellationToken)"/>.</summary>
    public static async Task<FirstAdministratorInvitation?> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationService>().CreateFirstAdministratorAsync(cancellationToken);
    }

    /// <summary>Prints the link of an invitation just made, or a reminder that one is waiting.</summary>
    public static async Task AnnounceAsync(FirstAdministratorInvitation? made, IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        if (made is not null)
        {
            var link = made.Link(scope.ServiceProvider.GetRequiredService<AccountLinks>());
            await output.WriteLineAsync(
                $"""
                There is no administrator yet. To become the first administrator, open this link and choose a password.
                It works once, until {AccountRules.When(made.Invitation.ExpiresAt)}, and is shown only now:
                {link}
                """);
            return;
        }

        if (await invitations.FirstAdministratorStateAsync(cancellationToken) == FirstAdministratorState.InvitationWaiting)
        {
            await output.WriteLineAsync(
                "There is no administrator yet; an invitation for one is waiting (its link was printed when it was made). " +
                "If the link is lost: peerethics users add --email <e> --name <n> --role administrator");
        }
    }

    /// <summary>For commands: makes the invitation when needed and prints it at once.</summary>
    public static async Task AnnounceAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default) =>
        await AnnounceAsync(await PrepareAsync(services, cancellationToken), services, output, cancellationToken);
}
