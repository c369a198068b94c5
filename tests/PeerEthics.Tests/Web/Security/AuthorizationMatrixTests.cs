using PeerEthics.Accounts;
using PeerEthics.Tests.Web.Security.Probes;
using PeerEthics.Web.Security;

namespace PeerEthics.Tests.Web.Security;

public sealed class AuthorizationMatrixTests
{
    [Fact]
    public async Task Every_endpoint_lets_through_exactly_whom_the_allow_list_and_the_expectations_say()
    {
        await using var app = new SecurityTestApp();

        var result = await AuthorizationMatrix.CheckAsync(app, PublicEndpoints.All, AuthorizationExpectations.All);

        Assert.True(result.Problems.Count == 0, string.Join(Environment.NewLine, result.Problems));
        // Not vacuous: every endpoint was found and tried as every principal.
        Assert.Contains(result.Endpoints, e => e.Route.TrimStart('/') == "codes/{code}");
        Assert.Contains(result.Endpoints, e => e.Route.TrimStart('/') == "api/codes");
        Assert.True(result.RequestsSent >= result.Endpoints.Count * MatrixPrincipal.All.Count);
    }

    [Fact]
    public async Task The_fallback_refuses_an_endpoint_that_nobody_made_public_to_anyone_not_signed_in()
    {
        await using var app = new SecurityTestApp(withProbes: true);

        var result = await AuthorizationMatrix.CheckAsync(app, PublicEndpoints.All,
            [new Expectation(UndecidedProbeModel.Route, Access.SignedIn)], ProbesOnly);

        // The page has no decision of its own (a problem), yet the deny-by-default fallback still applies.
        Assert.Contains($"{UndecidedProbeModel.Route.TrimStart('/')} has no authorization decision", string.Join('\n', result.Problems), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Problems, p => p.Contains("Unexpected", StringComparison.Ordinal) && p.Contains(UndecidedProbeModel.Route, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_matrix_fails_an_endpoint_public_without_being_listed_and_one_without_a_decision()
    {
        await using var app = new SecurityTestApp(withProbes: true);

        var result = await AuthorizationMatrix.CheckAsync(app, PublicEndpoints.All,
            [new Expectation(StaffProbeModel.Route, Access.StaffWithMfa(Roles.Registrar, Roles.Administrator))], ProbesOnly);
        var problems = string.Join('\n', result.Problems);

        Assert.Contains($"{FormProbeModel.Route.TrimStart('/')} is public without being on the allow-list", problems, StringComparison.Ordinal);
        Assert.Contains($"{UndecidedProbeModel.Route.TrimStart('/')} has no authorization decision", problems, StringComparison.Ordinal);
        Assert.Contains($"{UndecidedProbeModel.Route.TrimStart('/')} is not in AuthorizationExpectations", problems, StringComparison.Ordinal);
        // The staff page is decided, expected and behaves: nothing to say about it.
        Assert.DoesNotContain(StaffProbeModel.Route.TrimStart('/'), problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_matrix_fails_an_unexpected_success_and_an_unexpected_refusal()
    {
        await using var app = new SecurityTestApp(withProbes: true);

        // The page lets registrars and administrators with MFA in; this table wrongly says administrators only,
        // and wrongly says peer specialists too.
        var wrong = new Expectation(StaffProbeModel.Route, Access.StaffWithMfa(Roles.Administrator, Roles.PeerSpecialist));
        var result = await AuthorizationMatrix.CheckAsync(app, PublicEndpoints.All, [wrong], e => e.Route.Contains("staff", StringComparison.Ordinal));

        Assert.Contains(result.Problems, p => p.StartsWith("Unexpected success", StringComparison.Ordinal) && p.Contains($"as {Roles.Registrar} with MFA", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith("Unexpected refusal", StringComparison.Ordinal) && p.Contains($"as {Roles.PeerSpecialist} with MFA", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.Contains("anonymous", StringComparison.Ordinal) || p.Contains("without MFA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_matrix_fails_a_listed_route_that_no_endpoint_serves()
    {
        await using var app = new SecurityTestApp();
        PublicEndpoint[] withMissingRoute = [.. PublicEndpoints.All, new("/no-such-page", "gone", RateLimits.SignIn)];

        var result = await AuthorizationMatrix.CheckAsync(app, withMissingRoute, [new Expectation("/no-such-staff-page", Access.SignedIn)], _ => false);

        Assert.Contains("PublicEndpoints lists /no-such-page, which no endpoint serves: remove the line, or add it when the endpoint exists.", result.Problems);
        Assert.Contains("AuthorizationExpectations has /no-such-staff-page, which no endpoint serves.", result.Problems);
    }

    private static bool ProbesOnly(DiscoveredEndpoint endpoint) => endpoint.Route.Contains("test-probes", StringComparison.Ordinal);
}
