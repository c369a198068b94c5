using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Accounts;
using PeerEthics.ContinuingEducation;
using PeerEthics.People;
using PeerEthics.People.Forms;

namespace PeerEthics.Disclosures;

/// <summary>
/// Disclosures over JSON: <c>/api/my/disclosures</c> (the person's own), <c>/api/supervision/disclosures</c> (a
/// supervisor's queue) and <c>/api/ethics/disclosures</c> (ethics staff). A disclosure the caller may not see is a 404,
/// exactly as one that does not exist; every read is audited.
/// </summary>
public static class DisclosuresApi
{
    public static IEndpointRouteBuilder MapDisclosuresApi(this IEndpointRouteBuilder app)
    {
        var my = app.MapGroup("/api/my/disclosures").WithTags("Disclosures").RequireAuthorization(Policies.SelfService);
        my.MapGet("", ListOwn).WithSummary("Your disclosures, newest first.");
        my.MapPost("", File)
            .Accepts<DisclosureRequest>("application/json")
            .WithSummary("File a disclosure (201), or with dryRun=true check it against your program's code and save nothing (200).")
            .WithDescription("Evaluated under each program you are bound by, with the code version in force on the situation's date; the evaluation is stored with the disclosure. 400 names each field that is wrong.");
        my.MapGet("/{id:int}", ReadOwn).WithSummary("One of your disclosures, with its evaluation and decisions.");

        var supervision = app.MapGroup("/api/supervision/disclosures").WithTags("Disclosures").RequireAuthorization(Policies.Supervise);
        supervision.MapGet("", ListForSupervisor).WithSummary("The disclosures sent to you as a supervisor, newest first.");
        supervision.MapGet("/{id:int}", ReadForSupervisor).WithSummary("One disclosure sent to you.");
        supervision.MapPost("/{id:int}/decision", DecideAsSupervisor)
            .WithSummary("Record a decision: acknowledged, guidance-given, corrective-plan or referred (to ethics staff), with a note.");

        var ethics = app.MapGroup("/api/ethics/disclosures").WithTags("Disclosures").RequireAuthorization(Policies.EthicsStaff);
        ethics.MapGet("", ListForEthicsStaff).WithSummary("Every disclosure, newest first; status with-ethics-staff marks those waiting for you.");
        ethics.MapGet("/{id:int}", ReadForEthicsStaff).WithSummary("One disclosure.");
        ethics.MapPost("/{id:int}/decision", DecideAsEthicsStaff)
            .WithSummary("Record a decision: acknowledged, guidance-given or corrective-plan, with a note.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DisclosureSummaryJson>>> ListOwn(ClaimsPrincipal user, PeopleDirectory people, DisclosureAccess access, CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(user, people, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DisclosureSummaryJson>>([.. (await access.ListOwnAsync(personId, cancellationToken)).Select(DisclosureSummaryJson.From)]);
    }

    private static async Task<Results<Created<DisclosureJson>, Ok<DisclosureCheckJson>, ValidationProblem>> File(
        bool? dryRun, HttpRequest request, ClaimsPrincipal user, PeopleDirectory people, DisclosureFiling filing, DisclosureAccess access, CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(user, people, cancellationToken);
        DisclosureRead read;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            read = DisclosureReader.FromJson(body.RootElement, filing.Today);
        }
        catch (JsonException e)
        {
            return TypedResults.ValidationProblem(FieldErrors.One("body", $"The body is not valid JSON (line {e.LineNumber + 1}): send {{\"kind\": \"gift\", …}}.").ToDictionary(), title: "The disclosure cannot be read.");
        }

        if (dryRun == true)
        {
            return await filing.CheckAsync(personId, read, cancellationToken) switch
            {
                Outcome<DisclosureCheck>.Done(var check) => TypedResults.Ok(DisclosureCheckJson.From(check)),
                Outcome<DisclosureCheck>.Refused(var errors) => Invalid(errors),
                _ => throw new InvalidOperationException("Unknown outcome."),
            };
        }

        switch (await filing.FileAsync(personId, user.FindFirstValue(ClaimTypes.NameIdentifier)!, read, cancellationToken))
        {
            case Outcome<int>.Done(var id):
                var filed = (await access.ReadOwnAsync(personId, id, cancellationToken))!;
                return TypedResults.Created($"/api/my/disclosures/{id}", DisclosureJson.From(filed, deciders: false));
            case Outcome<int>.Refused(var errors):
                return Invalid(errors);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private static async Task<Results<Ok<DisclosureJson>, ProblemHttpResult>> ReadOwn(int id, ClaimsPrincipal user, PeopleDirectory people, DisclosureAccess access, CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(user, people, cancellationToken);
        return await access.ReadOwnAsync(personId, id, cancellationToken) is { } disclosure
            ? TypedResults.Ok(DisclosureJson.From(disclosure, deciders: false))
            : PeopleApi.NotFound($"disclosure {id}");
    }

    private static async Task<Ok<IReadOnlyList<DisclosureSummaryJson>>> ListForSupervisor(ClaimsPrincipal user, DisclosureAccess access, CancellationToken cancellationToken)
    {
        var supervisorIds = await access.SupervisorIdsOfAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DisclosureSummaryJson>>(supervisorIds.Count == 0
            ? []
            : [.. (await access.ListForSupervisorAsync(supervisorIds, cancellationToken)).Select(DisclosureSummaryJson.From)]);
    }

    private static async Task<Results<Ok<DisclosureJson>, ProblemHttpResult>> ReadForSupervisor(int id, ClaimsPrincipal user, DisclosureAccess access, CancellationToken cancellationToken)
    {
        var supervisorIds = await access.SupervisorIdsOfAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return await access.ReadForSupervisorAsync(supervisorIds, id, cancellationToken) is { } disclosure
            ? TypedResults.Ok(DisclosureJson.From(disclosure, deciders: true))
            : PeopleApi.NotFound($"disclosure {id}");
    }

    private static async Task<Results<Ok<DisclosureJson>, ValidationProblem, ProblemHttpResult>> DecideAsSupervisor(
        int id, DisclosureDecisionInput input, ClaimsPrincipal user, DisclosureAccess access, DisclosureDecisions decisions, CancellationToken cancellationToken)
    {
        var supervisorIds = await access.SupervisorIdsOfAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return await AnswerAsync(await decisions.DecideAsSupervisorAsync(supervisorIds, id, input, cancellationToken),
            decided => access.ReadForSupervisorAsync(supervisorIds, decided, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<DisclosureSummaryJson>>> ListForEthicsStaff(DisclosureAccess access, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<DisclosureSummaryJson>>([.. (await access.ListForEthicsStaffAsync(cancellationToken)).Select(DisclosureSummaryJson.From)]);

    private static async Task<Results<Ok<DisclosureJson>, ProblemHttpResult>> ReadForEthicsStaff(int id, DisclosureAccess access, CancellationToken cancellationToken) =>
        await access.ReadForEthicsStaffAsync(id, cancellationToken) is { } disclosure
            ? TypedResults.Ok(DisclosureJson.From(disclosure, deciders: true))
            : PeopleApi.NotFound($"disclosure {id}");

    private static async Task<Results<Ok<DisclosureJson>, ValidationProblem, ProblemHttpResult>> DecideAsEthicsStaff(
        int id, DisclosureDecisionInput input, DisclosureAccess access, DisclosureDecisions decisions, CancellationToken cancellationToken) =>
        await AnswerAsync(await decisions.DecideAsEthicsStaffAsync(id, input, cancellationToken), decided => access.ReadForEthicsStaffAsync(decided, cancellationToken));

    private static async Task<Results<Ok<DisclosureJson>, ValidationProblem, ProblemHttpResult>> AnswerAsync(Outcome<int> outcome, Func<int, Task<DisclosureView?>> read) => outcome switch
    {
        Outcome<int>.Done(var id) => TypedResults.Ok(DisclosureJson.From((await read(id))!, deciders: true)),
        Outcome<int>.Refused(var errors) => Invalid(errors),
        Outcome<int>.NotFound(var what) => PeopleApi.NotFound(what),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    private static ValidationProblem Invalid(FieldErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary(), title: "Nothing was saved: some fields need fixing.");
}
