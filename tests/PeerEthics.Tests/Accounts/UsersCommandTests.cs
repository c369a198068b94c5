using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using PeerEthics.Accounts;
using PeerEthics.Cli;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

/// <summary><c>peerethics users add</c> and <c>users list</c>, run as the real executable.</summary>
public sealed partial class UsersCommandTests
{
    private const string Chosen = "operator chosen passphrase";

    [Theory, AllDatabases]
    public async Task Users_add_prints_a_one_time_link_and_the_first_administrators_and_users_list_shows_the_account_once_accepted(DatabaseProvider provider)
    {
        await using var cli = await CliRunner.CreateAsync(provider);

        var empty = await cli.RunAsync("users", "list");
        var added = await cli.RunAsync("users", "add", "--email", "reg@example.org", "--name", "Rae Registrar", "--role", Roles.Registrar);
        var addedAgain = await cli.RunAsync("users", "add", "--email", "sam@example.org", "--name", "Sam", "--role", Roles.PeerSpecialist);
        var links = Link().Matches(added.Output).Select(m => m.Value).ToList();

        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("No accounts yet", empty.Output, StringComparison.Ordinal);
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("Invited reg@example.org as Registrar. The link works once, until", added.Output, StringComparison.Ordinal);
        Assert.Contains("The invitation email was sent", added.Output, StringComparison.Ordinal);
        Assert.Contains("There is no administrator yet", added.Output, StringComparison.Ordinal);
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.StartsWith($"{ServeCommand.DefaultUrl}/account/invitation?token=", l, StringComparison.Ordinal));
        Assert.DoesNotContain("There is no administrator yet", addedAgain.Output, StringComparison.Ordinal);
        Assert.Single(PickupMail.Read(cli.DataDirectory), m => m.To.Mailboxes.Any(b => b.Address == "reg@example.org"));

        // The registrar accepts the link in the web app, on the same database.
        await using (var app = new SharedDatabaseApp(cli))
        {
            var person = new AccountClient(app);
            var path = new Uri(links[0]).PathAndQuery;
            await person.GetAsync(path);
            var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(links[0]).Query)["token"].ToString();
            var accepted = await person.PostAsync("/account/invitation", ("Token", token), ("DisplayName", "Rae Registrar"), ("Password", Chosen), ("ConfirmPassword", Chosen));
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var list = await cli.RunAsync("users", "list");
        var json = await cli.RunAsync("users", "list", "--format", "json");

        Assert.Equal("reg@example.org\tRae Registrar\tregistrar\tno-2fa", list.Output.Trim());
        var account = Assert.Single(JsonDocument.Parse(json.Output).RootElement.EnumerateArray());
        Assert.Equal("reg@example.org", account.GetProperty("email").GetString());
        Assert.Equal(Roles.Registrar, account.GetProperty("roles")[0].GetString());
        Assert.False(account.GetProperty("twoFactorEnabled").GetBoolean());
    }

    [Fact]
    public async Task Users_add_names_each_bad_option_and_its_rule_and_invites_nobody()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var bad = await cli.RunAsync("users", "add", "--email", "not-an-email", "--name", "N", "--role", "boss");
        var missing = await cli.RunAsync("users", "add", "--email", "a@example.org");

        Assert.Equal(PeerEthicsCommandLine.UsageError, bad.ExitCode);
        Assert.Contains("peerethics: --email: enter an email address in the right form", bad.Error, StringComparison.Ordinal);
        Assert.Contains("peerethics: --role: choose one of Administrator, Registrar", bad.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/invitation", bad.Output, StringComparison.Ordinal);
        Assert.Empty(PickupMail.Read(cli.DataDirectory));
        Assert.Equal(PeerEthicsCommandLine.UsageError, missing.ExitCode);
        Assert.Contains("--name", missing.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://\S+/account/invitation\?token=\S+")]
    private static partial Regex Link();

    /// <summary>The web app on the command line runner's data directory and database.</summary>
    private sealed class SharedDatabaseApp(CliRunner cli) : PeerEthicsAppFactory(cli.Provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("PEERETHICS_DATA", cli.DataDirectory);
            if (cli.PostgresConnection is { } connection)
            {
                builder.UseSetting("ConnectionStrings:PeerEthics", connection);
            }
        }
    }
}
