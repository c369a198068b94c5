using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PeerEthics.Web.Security;

/// <summary>
/// Rate limits on what an attacker would repeat: sign-in attempts, password resets, public forms, and reading the
/// public registry.
/// Each policy counts attempts (not page views) per client IP address in a fixed window, with limits from
/// configuration (<c>RateLimits:SignIn:PermitLimit</c>, <c>RateLimits:SignIn:Window</c>…). A refused attempt
/// gets 429 with Retry-After; the error page then explains it to a person, or as ProblemDetails under /api.
/// </summary>
/// <remarks>
/// Per-account guessing is Identity's lockout; these limits stop one address trying many accounts. They are
/// generous because a classroom of trainees may share one address. Behind a reverse proxy, set
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> so the client's address, not the proxy's, is counted.
/// </remarks>
public static class RateLimits
{
    /// <summary>Password, second-factor, recovery-code and passkey sign-in attempts.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Requests for a password-reset email, and resets.</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>Forms the public submits without an account (an ethics concern, issue 7).</summary>
    public const string PublicForm = "public-form";

    /// <summary>
    /// The public registry, pages and API: every request counts, reads included, so nobody copies the registry
    /// wholesale (a person checking credentials makes a few requests a minute). A benchmark raises it with
    /// <c>RateLimits:Registry:PermitLimit</c>.
    /// </summary>
    public const string Registry = "registry";

    /// <summary>Policies that count reads too; the others count only attempts (POSTs).</summary>
    public static readonly IReadOnlySet<string> CountingReads = new HashSet<string>(StringComparer.Ordinal) { Registry };

    /// <summary>The defaults when configuration says nothing: (attempts, window).</summary>
    public static readonly IReadOnlyDictionary<string, (int PermitLimit, TimeSpan Window)> Defaults = new Dictionary<string, (int, TimeSpan)>
    {
        [SignIn] = (30, TimeSpan.FromMinutes(1)),
        [PasswordReset] = (10, TimeSpan.FromMinutes(15)),
        [PublicForm] = (10, TimeSpan.FromMinutes(10)),
        [Registry] = (60, TimeSpan.FromMinutes(1)),
    };

    /// <summary>The configuration section of a policy: <c>sign-in</c> reads <c>RateLimits:SignIn</c>.</summary>
    public static string SectionOf(string policy) =>
        "RateLimits:" + string.Concat(policy.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // Read when the options are first needed, so a host (or a test) can still set the limits.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            foreach (var (policy, defaults) in Defaults)
            {
                var section = configuration.GetSection(SectionOf(policy));
                var limit = section.GetValue("PermitLimit", defaults.PermitLimit);
                var window = section.GetValue("Window", defaults.Window);
                var countsReads = CountingReads.Contains(policy);
                options.AddPolicy(policy, context => Partition(context, limit, window, countsReads));
            }

            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                // No body: the status-code pages re-execute /error, which answers a page or ProblemDetails.
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    // Showing a form is free; submitting it is an attempt. Where reads are what is limited, every request counts.
    private static RateLimitPartition<string> Partition(HttpContext context, int limit, TimeSpan window, bool countsReads) =>
        !countsReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            ? RateLimitPartition.GetNoLimiter("reading")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0, AutoReplenishment = true });
}
