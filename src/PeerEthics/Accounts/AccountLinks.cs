using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using PeerEthics.Cli;

namespace PeerEthics.Accounts;

/// <summary>
/// The links put in email and printed by the command line. The base is <c>App:BaseUrl</c>, else where this
/// server listens, else <see cref="ServeCommand.DefaultUrl"/>; never the request's Host header, which a
/// stranger could set to send someone a reset link to their own site.
/// </summary>
public sealed class AccountLinks(IConfiguration configuration, IServiceProvider services)
{
    public Uri Base
    {
        get
        {
            if (configuration["App:BaseUrl"] is { Length: > 0 } configured)
            {
                return new Uri(configured.TrimEnd('/') + "/");
            }

            var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return new Uri((listening is null ? ServeCommand.DefaultUrl : Reachable(listening)).TrimEnd('/') + "/");
        }
    }

    public Uri Invitation(string token) => new(Base, QueryHelpers.AddQueryString("account/invitation", "token", token));

    public Uri ResetPassword(string userId, string token) =>
        new(Base, QueryHelpers.AddQueryString("account/reset-password", new Dictionary<string, string?> { ["user"] = userId, ["token"] = token }));

    // Kestrel reports wildcard bindings as written (http://+:80, http://0.0.0.0:80); a link needs a host.
    private static string Reachable(string address) => address
        .Replace("://+", "://localhost", StringComparison.Ordinal)
        .Replace("://*", "://localhost", StringComparison.Ordinal)
        .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
        .Replace("://[::]", "://localhost", StringComparison.Ordinal);
}
