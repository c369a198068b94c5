using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;

namespace PeerEthics.People;

/// <summary>The signed-in account has a person record linked to it (the <c>self-service</c> policy).</summary>
public sealed class LinkedPersonRequirement : IAuthorizationRequirement;

internal sealed class LinkedPersonHandler(IHttpContextAccessor http) : AuthorizationHandler<LinkedPersonRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, LinkedPersonRequirement requirement)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || http.HttpContext is not { } httpContext)
        {
            return;
        }

        var db = httpContext.RequestServices.GetRequiredService<PeerEthicsDb>();
        if (await db.People.AsNoTracking().AnyAsync(p => p.UserId == userId, httpContext.RequestAborted))
        {
            context.Succeed(requirement);
        }
    }
}
