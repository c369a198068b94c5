using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using PeerEthics.Web.Security;

namespace PeerEthics.Tests.Web.Security;

public sealed class PublicEndpointConventionsTests
{
    private static readonly PublicEndpoint[] AllowList =
    [
        new("/account/sign-in", "sign in", RateLimits.SignIn),
        new("/codes/{number:int}", "a code"),
    ];

    [Fact]
    public void A_listed_route_becomes_public_with_the_rate_limit_its_line_names()
    {
        var endpoint = Build("account/sign-in");

        Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.Equal(RateLimits.SignIn, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
    }

    [Fact]
    public void A_listed_route_without_a_rate_limit_gets_none()
    {
        var endpoint = Build("/codes/{number:int}");

        Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.Null(endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>());
    }

    [Theory]
    [InlineData("/account/sign-in/two-factor")]
    [InlineData("/codes/{number}")]
    [InlineData("/account")]
    public void A_route_not_listed_exactly_stays_behind_sign_in(string route)
    {
        var endpoint = Build(route);

        Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.Null(endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>());
    }

    [Fact]
    public void The_allow_list_names_each_route_once()
    {
        var routes = PublicEndpoints.All.Select(e => PublicEndpoint.Normalize(e.Route).ToUpperInvariant()).ToList();

        Assert.Equal(routes.Distinct().Count(), routes.Count);
    }

    private static Endpoint Build(string route)
    {
        var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse(route), order: 0);
        PublicEndpointConventions.MarkIfPublic(builder, AllowList);
        return builder.Build();
    }
}
