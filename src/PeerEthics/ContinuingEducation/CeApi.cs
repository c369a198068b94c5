using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Accounts;
using PeerEthics.People;

namespace PeerEthics.ContinuingEducation;

/// <summary>Staff decisions on continuing education and renewals, under <c>/api/people</c>.</summary>
public static class CeApi
{
    public static IEndpointRouteBuilder MapCeStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people").WithTags("Continuing education").RequireAuthorization(Policies.ManagePeople);
        api.MapGet("/ce/pending", Pending).WithSummary("Activities waiting for a decision, oldest first.");
        api.MapPost("/{id:int}/ce/{activityId:int}/decision", Decide).WithSummary("Approve or reject an activity (a rejection needs a reason).");
        api.MapGet("/{id:int}/ce/{activityId:int}/evidence", Evidence).WithSummary("The activity's evidence file.");
        api.MapGet("/renewals/pending", PendingRenewals).WithSummary("Renewal applications waiting for the registrar.");
        api.MapPost("/{id:int}/renewals/{applicationId:int}/decision", DecideRenewal).WithSummary("Approve a renewal (the new expiry follows the cycle) or refuse it with a reason.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CeActivityJson>>> Pending(CeLog ce, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<CeActivityJson>>([.. (await ce.PendingAsync(cancellationToken)).Select(p => CeActivityJson.From(p.Activity))]);

    private static async Task<Results<Ok<CeActivityJson>, ValidationProblem, ProblemHttpResult>> Decide(int id, int activityId, DecisionInput input, CeLog ce, CancellationToken cancellationToken) =>
        PeopleApi.Answer(await ce.DecideAsync(id, activityId, input, cancellationToken), a => TypedResults.Ok(CeActivityJson.From(a)));

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Evidence(int id, int activityId, CeLog ce, Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        if (await ce.GetOwnedAsync(id, activityId, cancellationToken) is null || await ce.EvidenceAsync(activityId, cancellationToken) is not { } file)
        {
            return PeopleApi.NotFound($"evidence for activity {activityId} of person {id}");
        }

        // Evidence is part of a person's record: a staff read is audited like the record itself.
        await audit.RecordNowAsync("ce.evidence-viewed", $"ce-activity:{activityId}", cancellationToken: cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<IReadOnlyList<PendingRenewalJson>>> PendingRenewals(Renewals renewals, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PendingRenewalJson>>([.. (await renewals.PendingAsync(cancellationToken))
            .Select(r => new PendingRenewalJson(r.Application.Id, r.PersonId, r.PersonName, r.Program, r.Application.CycleExpiresOn, r.Application.SubmittedAt))]);

    private static async Task<Results<Ok<RenewalJson>, ValidationProblem, ProblemHttpResult>> DecideRenewal(int id, int applicationId, DecisionInput input, Renewals renewals, CancellationToken cancellationToken) =>
        PeopleApi.Answer(await renewals.DecideAsync(id, applicationId, input, cancellationToken), a => TypedResults.Ok(RenewalJson.From(a, renewals.Today)));
}
