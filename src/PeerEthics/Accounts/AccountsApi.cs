using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using PeerEthics.Email;

namespace PeerEthics.Accounts;

/// <summary>What <c>POST /api/invitations</c> takes.</summary>
public sealed record InvitationRequest(string? Email, string? Name, string? Role);

/// <summary>
/// What <c>POST /api/invitations</c> answers. <see cref="Link"/> is given only when the email could not be sent, so the
/// inviter can pass it on another way; otherwise the link exists only in the invited person's mailbox.
/// </summary>
public sealed record InvitationResponse(Guid Id, string Email, string? Name, string Role, DateTimeOffset ExpiresAt, bool EmailSent, string? Link);

/// <summary>
/// The accounts endpoints that are not pages: the WebAuthn options the passkey script asks for (JSON, same-site,
/// with the antiforgery token in a header) and the invitations API.
/// </summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var passkey = app.MapGroup("/account/passkey").ExcludeFromDescription();
        // Public (see Web/Security/PublicEndpoints), with the sign-in rate limit.
        passkey.MapPost("/request-options", RequestOptions);
        passkey.MapPost("/creation-options", CreationOptions).RequireAuthorization(Policies.SignedIn);

        app.MapGroup("/api").WithTags("Accounts")
            .MapPost("/invitations", Invite)
            .RequireAuthorization(Policies.Invite)
            .WithSummary("Invite a person by email, with a name and a role. Only administrators may invite staff.");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> RequestOptions(HttpContext context, IAntiforgery antiforgery, AccountPasskeys passkeys)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return NoToken();
        }

        return TypedResults.Content(await passkeys.RequestOptionsAsync(), "application/json");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult, UnauthorizedHttpResult>> CreationOptions(
        HttpContext context, IAntiforgery antiforgery, AccountPasskeys passkeys, UserManager<User> users)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return NoToken();
        }

        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Content(await passkeys.CreationOptionsAsync(user), "application/json");
    }

    private static async Task<Results<Created<InvitationResponse>, ValidationProblem>> Invite(
        InvitationRequest request, ClaimsPrincipal principal, InvitationService invitations, CancellationToken cancellationToken)
    {
        var by = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var outcome = await invitations.CreateAsync(new NewInvitation(request.Email, request.Name, request.Role), by,
            mayInviteStaff: principal.IsInRole(Roles.Administrator), cancellationToken);
        switch (outcome)
        {
            case InvitationOutcome.Created(var invitation, var link, var mail):
                var sent = mail is MailOutcome.Sent;
                return TypedResults.Created($"/admin/invitations#invitation-{invitation.Id}",
                    new InvitationResponse(invitation.Id, invitation.Email!, invitation.DisplayName, invitation.Role, invitation.ExpiresAt, sent, sent ? null : link.ToString()));
            case InvitationOutcome.Refused(var errors):
                // The API's names for the fields: email, name, role.
                return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key switch
                {
                    "DisplayName" => "name",
                    var key => key.ToLowerInvariant(),
                }, e => e.Value));
            default:
                throw new InvalidOperationException("Unexpected invitation outcome.");
        }
    }

    private static ProblemHttpResult NoToken() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The page is out of date",
        detail: "Reload the page and try again (the request did not carry the page's antiforgery token).");
}
