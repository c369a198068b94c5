using System.Net;
using PeerEthics.Tests.Web.Security.Probes;
using PeerEthics.Web.Security;

namespace PeerEthics.Tests.Web.Security;

public sealed class RateLimitTests
{
    private const int Limit = 2;

    private static readonly Dictionary<string, string> LowLimits = new()
    {
        ["RateLimits:SignIn:PermitLimit"] = $"{Limit}",
        ["RateLimits:PasswordReset:PermitLimit"] = $"{Limit}",
        ["RateLimits:PasswordReset:Window"] = "00:15:00",
        ["RateLimits:PublicForm:PermitLimit"] = $"{Limit}",
    };

    [Theory]
    [InlineData(SignInProbeModel.Route, 60)]
    [InlineData(PasswordResetProbeModel.Route, 15 * 60)]
    [InlineData(PublicFormProbeModel.Route, 10 * 60)]
    public async Task Attempts_past_the_configured_limit_get_429_with_retry_after_and_a_page_in_plain_words(string route, int windowSeconds)
    {
        await using var app = new SecurityTestApp(withProbes: true, LowLimits);
        using var client = app.CreateBareClient();

        for (var attempt = 1; attempt <= Limit; attempt++)
        {
            using var allowed = await PostAsync(app, client, route);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await PostAsync(app, client, route);
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, windowSeconds);
        Assert.Contains("<h1>Too many attempts</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Please wait about", page, StringComparison.Ordinal);
        Assert.DoesNotContain("attempted", page, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', refused.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(refused.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Viewing_the_page_is_not_an_attempt()
    {
        await using var app = new SecurityTestApp(withProbes: true, LowLimits);
        using var client = app.CreateBareClient();

        for (var view = 0; view < Limit * 5; view++)
        {
            using var page = await client.GetAsync(SignInProbeModel.Route);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var attempt = await PostAsync(app, client, SignInProbeModel.Route);
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
    }

    [Fact]
    public async Task Each_policy_counts_its_own_attempts()
    {
        await using var app = new SecurityTestApp(withProbes: true, LowLimits);
        using var client = app.CreateBareClient();
        for (var attempt = 0; attempt <= Limit; attempt++)
        {
            using var _ = await PostAsync(app, client, SignInProbeModel.Route);
        }

        using var reset = await PostAsync(app, client, PasswordResetProbeModel.Route);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
    }

    [Fact]
    public async Task Api_clients_get_problem_details_for_429()
    {
        await using var app = new SecurityTestApp(withProbes: true, LowLimits);
        using var client = app.CreateBareClient();
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            using var _ = await PostAsync(app, client, ApiProbeModel.Route);
        }

        using var refused = await PostAsync(app, client, ApiProbeModel.Route);
        var body = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("\"status\":429", body, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Too many attempts\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_configuration_the_defaults_apply()
    {
        await using var app = new SecurityTestApp(withProbes: true);
        using var client = app.CreateBareClient();
        var (limit, _) = RateLimits.Defaults[RateLimits.PasswordReset];

        for (var attempt = 1; attempt <= limit; attempt++)
        {
            using var allowed = await PostAsync(app, client, PasswordResetProbeModel.Route);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await PostAsync(app, client, PasswordResetProbeModel.Route);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Theory]
    [InlineData(RateLimits.SignIn, "RateLimits:SignIn")]
    [InlineData(RateLimits.PasswordReset, "RateLimits:PasswordReset")]
    [InlineData(RateLimits.PublicForm, "RateLimits:PublicForm")]
    public void Each_policy_reads_its_own_configuration_section(string policy, string section) =>
        Assert.Equal(section, RateLimits.SectionOf(policy));

    private static async Task<HttpResponseMessage> PostAsync(SecurityTestApp app, HttpClient client, string route)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route);
        AntiforgeryTokens.For(app, null).AddTo(request);
        return await client.SendAsync(request);
    }
}
