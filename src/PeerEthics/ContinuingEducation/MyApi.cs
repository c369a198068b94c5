using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Accounts;
using PeerEthics.People;
using PeerEthics.People.Forms;

namespace PeerEthics.ContinuingEducation;

/// <summary>
/// <c>/api/my</c>: a specialist's or trainee's own record. The person is always the caller's; an id in a route that
/// is not theirs answers 404, exactly as one that does not exist.
/// </summary>
public static class MyApi
{
    public static IEndpointRouteBuilder MapMyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/my").WithTags("Self-service").RequireAuthorization(Policies.SelfService);
        api.MapGet("", Me).WithSummary("Your record: credentials and their status history.");
        api.MapGet("/credentials/{credentialId:int}/ce", Credits).WithSummary("Your continuing education toward a credential, with progress in the current cycle.");
        api.MapPost("/ce", Record).WithSummary("Record a continuing-education activity (evidence files are uploaded on the page).");
        api.MapGet("/ce/{activityId:int}/evidence", Evidence).WithSummary("The evidence file of one of your activities.");
        api.MapGet("/credentials/{credentialId:int}/renewal", Renewal).WithSummary("Where your credential stands for renewal: the window and what is met or missing.");
        api.MapPost("/credentials/{credentialId:int}/renewal", Apply).WithSummary("Apply to renew your credential.");
        return app;
    }

    /// <summary>The caller's person id (the policy guarantees there is one).</summary>
    public static async Task<int> PersonIdAsync(ClaimsPrincipal user, PeopleDirectory people, CancellationToken cancellationToken) =>
        await people.PersonIdOfAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken)
        ?? throw new InvalidOperationException("The self-service policy let in an account without a person record.");

    private static async Task<Ok<PersonJson>> Me(ClaimsPrincipal user, PeopleDirectory people, Campaigns.CampaignDashboard campaigns, CancellationToken cancellationToken)
    {
        var me = (await people.ReadOwnAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken))!;
        return TypedResults.Ok(PersonJson.From(me, await campaigns.UnsignedForPersonAsync(me.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<CreditsJson>, ProblemHttpResult>> Credits(int credentialId, ClaimsPrincipal user, PeopleDirectory people, CeLog ce, CancellationToken cancellationToken)
    {
        var me = (await people.ReadOwnAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken))!;
        if (me.Credentials.FirstOrDefault(c => c.Id == credentialId) is not { } credential)
        {
            return PeopleApi.NotFound($"credential {credentialId}");
        }

        var activities = await ce.ForCredentialAsync(credentialId, cancellationToken);
        return TypedResults.Ok(new CreditsJson(credentialId, CeProgressJson.From(await ce.ProgressAsync(credential, cancellationToken)), [.. activities.Select(CeActivityJson.From)]));
    }

    private static async Task<Results<Created<CeActivityJson>, ValidationProblem, ProblemHttpResult>> Record(CeInput input, ClaimsPrincipal user, PeopleDirectory people, CeLog ce, CancellationToken cancellationToken)
    {
        var personId = await PersonIdAsync(user, people, cancellationToken);
        return PeopleApi.Answer(await ce.RecordAsync(personId, input, null, new FieldErrors(), cancellationToken),
            a => TypedResults.Created($"/api/my/credentials/{a.CredentialId}/ce", CeActivityJson.From(a)));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Evidence(int activityId, ClaimsPrincipal user, PeopleDirectory people, CeLog ce, CancellationToken cancellationToken)
    {
        var personId = await PersonIdAsync(user, people, cancellationToken);
        return await ce.GetOwnedAsync(personId, activityId, cancellationToken) is not null && await ce.EvidenceAsync(activityId, cancellationToken) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : PeopleApi.NotFound($"evidence for activity {activityId}");
    }

    private static async Task<Results<Ok<RenewalJson>, ProblemHttpResult>> Renewal(int credentialId, ClaimsPrincipal user, PeopleDirectory people, Renewals renewals, CancellationToken cancellationToken)
    {
        var personId = await PersonIdAsync(user, people, cancellationToken);
        return await renewals.AssessAsync(personId, credentialId, cancellationToken) is { } assessment
            ? TypedResults.Ok(RenewalJson.From(assessment, renewals.Today))
            : PeopleApi.NotFound($"credential {credentialId}");
    }

    private static async Task<Results<Created<RenewalJson>, ValidationProblem, ProblemHttpResult>> Apply(int credentialId, ClaimsPrincipal user, PeopleDirectory people, Renewals renewals, CancellationToken cancellationToken)
    {
        var personId = await PersonIdAsync(user, people, cancellationToken);
        return PeopleApi.Answer(await renewals.ApplyAsync(personId, credentialId, cancellationToken),
            a => TypedResults.Created($"/api/my/credentials/{credentialId}/renewal", RenewalJson.From(a, renewals.Today)));
    }
}
