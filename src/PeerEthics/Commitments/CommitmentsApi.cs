using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PeerEthics.Accounts;
using PeerEthics.ContinuingEducation;
using PeerEthics.People;

namespace PeerEthics.Commitments;

/// <summary>The body of <c>POST /api/my/commitments</c>.</summary>
public sealed record SignCommitmentJson(string? Program, string? TypedName, string? Password, string? Totp, bool? Confirm);

/// <summary>The caller's commitments, and the programs whose code version in force they have not signed yet.</summary>
/// <summary>The caller's commitments, what they have yet to sign, and the re-commitment campaigns they are in and have not signed (pending or overdue).</summary>
public sealed record MyCommitmentsJson(IReadOnlyList<MyCommitment> Commitments, IReadOnlyList<ToSignJson> ToSign, IReadOnlyList<Campaigns.CommitmentDueJson> Due);

public sealed record ToSignJson(string Program, string ProgramName, string Code, int CodeVersion, string CodeHash, string SignUrl);

/// <summary>
/// <c>/api/my/commitments</c>: a specialist or trainee signs, and lists what they signed; <c>/api/people/cohorts/{id}/unsigned</c>:
/// staff see who in a cohort has not signed.
/// </summary>
public static class CommitmentsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder app)
    {
        var my = app.MapGroup("/api/my").WithTags("Commitments").RequireAuthorization(Policies.SelfService);
        my.MapGet("/commitments", List).WithSummary("Your commitments, with their verification and certificate links, and what you have yet to sign.");
        my.MapPost("/commitments", Sign).WithSummary(
            "Sign the pledge of the code version in force for a program: your full name as on your record, confirm=true, your password (and an authenticator code for staff). " +
            "Send an Idempotency-Key header: a retry with the same key returns the first commitment (200) instead of a new one (201).");

        var staff = app.MapGroup("/api/people").WithTags("People").RequireAuthorization(Policies.ManagePeople);
        staff.MapGet("/cohorts/{id:int}/unsigned", Unsigned).WithSummary("Who in a cohort has not signed the code version in force for its program.");
        return app;
    }

    private static async Task<Ok<MyCommitmentsJson>> List(
        ClaimsPrincipal user, PeopleDirectory people, CommitmentIndex index, CommitmentSigning signing, Campaigns.CampaignDashboard campaigns, CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(user, people, cancellationToken);
        var toSign = new List<ToSignJson>();
        foreach (var (slug, _) in await signing.ProgramsOfAsync(personId, cancellationToken))
        {
            if (await signing.PrepareAsync(personId, slug, cancellationToken) is { SignedCommitmentId: null, Ineligible: null } page)
            {
                toSign.Add(new ToSignJson(page.Program, page.ProgramName, page.Version.Code, page.Version.Number, page.Version.ContentHash, $"/my/commitments/sign?program={page.Program}"));
            }
        }

        var due = await campaigns.UnsignedForPersonAsync(personId, cancellationToken);
        return TypedResults.Ok(new MyCommitmentsJson(await index.ForPersonAsync(personId, cancellationToken), toSign, [.. due.Select(Campaigns.CommitmentDueJson.From)]));
    }

    private static async Task<Results<Created<MyCommitment>, Ok<MyCommitment>, ValidationProblem, ProblemHttpResult>> Sign(
        SignCommitmentJson input, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, HttpContext http, PeopleDirectory people,
        CommitmentSigning signing, CommitmentIndex index, CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(http.User, people, cancellationToken);
        var outcome = await signing.SignAsync(personId, http.User, input.Program, new SignInput(input.TypedName, input.Confirm == true, input.Password, input.Totp),
            idempotencyKey, http.Request.Headers.UserAgent.ToString(), http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        switch (outcome)
        {
            case SigningOutcome.Recorded(var id, var replayed):
                var commitment = (await index.ForPersonAsync(personId, cancellationToken)).Single(c => c.CommitmentId == id);
                return replayed ? TypedResults.Ok(commitment) : TypedResults.Created($"/api/commitments/{id}/verification", commitment);
            case SigningOutcome.AlreadySigned(var id):
                return TypedResults.Problem(
                    $"You have already signed the code version in force for this program: commitment {id}, at /verify/{id}.",
                    statusCode: StatusCodes.Status409Conflict, title: "Already signed", extensions: new Dictionary<string, object?> { ["commitmentId"] = id });
            case SigningOutcome.Refused(var errors):
                return TypedResults.ValidationProblem(errors.ToDictionary());
            case SigningOutcome.NotFound(var what):
                return PeopleApi.NotFound(what);
            default:
                throw new InvalidOperationException("Unknown signing outcome.");
        }
    }

    private static async Task<Results<Ok<UnsignedInCohort>, ProblemHttpResult>> Unsigned(int id, CommitmentIndex index, CancellationToken cancellationToken) =>
        await index.UnsignedInCohortAsync(id, cancellationToken) is { } unsigned ? TypedResults.Ok(unsigned) : PeopleApi.NotFound($"cohort {id}");
}
