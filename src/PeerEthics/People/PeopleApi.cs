using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;

namespace PeerEthics.People;

/// <summary><c>/api/people</c>: people, their credentials, organisations, supervisors and cohorts, for program staff.</summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people").WithTags("People").RequireAuthorization(Policies.ManagePeople);
        api.MapGet("", Search).WithSummary("People whose name starts with q (any word; case and accents ignored), at most 50.");
        api.MapPost("", Create).WithSummary("Add a person.");
        api.MapGet("/{id:int}", Get).WithSummary("A person's record with credentials and status history. Every read is audited.");
        api.MapPut("/{id:int}", Update).WithSummary("Change a person's details (every field; a blank optional field clears it). The audit trail names the fields changed.");
        api.MapPost("/{id:int}/credentials", OpenCredential).WithSummary("Open a credential with a program, as an applicant or trainee.");
        api.MapPost("/{id:int}/credentials/{credentialId:int}/status", ChangeStatus).WithSummary("Change a credential's status, with a reason.");
        api.MapGet("/organisations", Organisations).WithSummary("Employers.");
        api.MapPost("/organisations", AddOrganisation).WithSummary("Add an employer.");
        api.MapGet("/supervisors", Supervisors).WithSummary("Supervisors.");
        api.MapPost("/supervisors", AddSupervisor).WithSummary("Add a supervisor.");
        api.MapPost("/supervisors/{id:int}/account", LinkSupervisorAccount).WithSummary("Link a supervisor to the account they sign in with (by email; blank unlinks), so they see the disclosures sent to them.");
        api.MapGet("/cohorts", Cohorts).WithSummary("Training cohorts, newest first.");
        api.MapPost("/cohorts", CreateCohort).WithSummary("Add a training cohort.");
        api.MapGet("/cohorts/{id:int}", Cohort).WithSummary("A cohort with its enrolments.");
        api.MapPost("/cohorts/{id:int}/enrolments", Enrol).WithSummary("Enrol a trainee in a cohort.");
        api.MapPost("/cohorts/{id:int}/withdrawals", Withdraw).WithSummary("Take a trainee out of a cohort before it completes, with the reason; they stay on the roster as withdrawn.");
        api.MapPost("/cohorts/{id:int}/complete", Complete).WithSummary("Complete a cohort: those who finished become eligible for certification.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PersonSummaryJson>>> Search(string? q, PeopleDirectory people, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PersonSummaryJson>>([.. (await people.SearchAsync(q, cancellationToken)).Select(PersonSummaryJson.From)]);

    private static async Task<Results<Created<PersonJson>, ValidationProblem, ProblemHttpResult>> Create(PersonInput input, PeopleDirectory people, CancellationToken cancellationToken) =>
        Answer(await people.CreateAsync(input, cancellationToken), p => TypedResults.Created($"/api/people/{p.Id}", PersonJson.From(p, [])));

    private static async Task<Results<Ok<PersonJson>, ProblemHttpResult>> Get(int id, PeopleDirectory people, Campaigns.CampaignDashboard campaigns, CancellationToken cancellationToken) =>
        await people.ReadForStaffAsync(id, cancellationToken) is { } person
            ? TypedResults.Ok(PersonJson.From(person, await campaigns.UnsignedForPersonAsync(id, cancellationToken)))
            : NotFound($"person {id}");

    private static async Task<Results<Ok<PersonJson>, ValidationProblem, ProblemHttpResult>> Update(int id, PersonInput input, PeopleDirectory people, Campaigns.CampaignDashboard campaigns, CancellationToken cancellationToken)
    {
        var outcome = await people.UpdateAsync(id, input, cancellationToken);
        var due = outcome is Outcome<PersonView>.Done ? await campaigns.UnsignedForPersonAsync(id, cancellationToken) : [];
        return Answer(outcome, p => TypedResults.Ok(PersonJson.From(p, due)));
    }

    private static async Task<Results<Created<CredentialJson>, ValidationProblem, ProblemHttpResult>> OpenCredential(int id, CredentialInput input, CredentialLifecycle credentials, CancellationToken cancellationToken) =>
        Answer(await credentials.OpenAsync(id, input, cancellationToken), c => TypedResults.Created($"/api/people/{id}", CredentialJson.From(c)));

    private static async Task<Results<Ok<CredentialJson>, ValidationProblem, ProblemHttpResult>> ChangeStatus(int id, int credentialId, StatusChangeInput input, CredentialLifecycle credentials, CancellationToken cancellationToken) =>
        Answer(await credentials.ChangeStatusAsync(id, credentialId, input, cancellationToken), c => TypedResults.Ok(CredentialJson.From(c)));

    private static async Task<Ok<IReadOnlyList<NamedJson>>> Organisations(PeopleDirectory people, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<NamedJson>>([.. (await people.OrganisationsAsync(cancellationToken)).Select(o => new NamedJson(o.Id, o.Name))]);

    private static async Task<Results<Created<NamedJson>, ValidationProblem, ProblemHttpResult>> AddOrganisation(OrganisationInput input, PeopleDirectory people, CancellationToken cancellationToken) =>
        Answer(await people.AddOrganisationAsync(input.Name, input.Email, input.Phone, cancellationToken), id => TypedResults.Created("/api/people/organisations", new NamedJson(id, input.Name!.Trim())));

    private static async Task<Ok<IReadOnlyList<NamedJson>>> Supervisors(PeopleDirectory people, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<NamedJson>>([.. (await people.SupervisorsAsync(cancellationToken)).Select(s => new NamedJson(s.Id, s.Name, s.Organisation))]);

    private static async Task<Results<Created<NamedJson>, ValidationProblem, ProblemHttpResult>> AddSupervisor(SupervisorInput input, PeopleDirectory people, CancellationToken cancellationToken) =>
        Answer(await people.AddSupervisorAsync(input.Name, input.Email, input.Phone, input.OrganisationId, cancellationToken), id => TypedResults.Created("/api/people/supervisors", new NamedJson(id, input.Name!.Trim())));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> LinkSupervisorAccount(int id, SupervisorAccountInput input, PeopleDirectory people, CancellationToken cancellationToken) =>
        Answer(await people.LinkSupervisorAccountAsync(id, input.UserEmail, cancellationToken), _ => TypedResults.NoContent());

    private static async Task<Ok<IReadOnlyList<CohortView>>> Cohorts(CohortRoster cohorts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cohorts.ListAsync(cancellationToken));

    private static async Task<Results<Created<CohortView>, ValidationProblem, ProblemHttpResult>> CreateCohort(CohortInput input, CohortRoster cohorts, CancellationToken cancellationToken) =>
        Answer(await cohorts.CreateAsync(input, cancellationToken), c => TypedResults.Created($"/api/people/cohorts/{c.Id}", c));

    private static async Task<Results<Ok<CohortView>, ProblemHttpResult>> Cohort(int id, CohortRoster cohorts, CancellationToken cancellationToken) =>
        await cohorts.GetAsync(id, cancellationToken) is { } cohort ? TypedResults.Ok(cohort) : NotFound($"cohort {id}");

    private static async Task<Results<Ok<CohortView>, ValidationProblem, ProblemHttpResult>> Enrol(int id, EnrolInput input, CohortRoster cohorts, CancellationToken cancellationToken) =>
        Answer(await cohorts.EnrolAsync(id, input.PersonId, cancellationToken), TypedResults.Ok);

    private static async Task<Results<Ok<CohortView>, ValidationProblem, ProblemHttpResult>> Withdraw(int id, WithdrawalInput input, CohortRoster cohorts, CancellationToken cancellationToken) =>
        Answer(await cohorts.WithdrawAsync(id, input, cancellationToken), TypedResults.Ok);

    private static async Task<Results<Ok<CohortView>, ValidationProblem, ProblemHttpResult>> Complete(int id, CompleteCohortInput input, CohortRoster cohorts, CancellationToken cancellationToken) =>
        Answer(await cohorts.CompleteAsync(id, input.DidNotFinish ?? [], cancellationToken), TypedResults.Ok);

    /// <summary>An outcome as a typed result: the success, a validation problem naming the fields, or a 404 problem.</summary>
    internal static Results<TOk, ValidationProblem, ProblemHttpResult> Answer<T, TOk>(Outcome<T> outcome, Func<T, TOk> ok)
        where TOk : IResult => outcome switch
        {
            Outcome<T>.Done(var value) => ok(value),
            Outcome<T>.Refused(var errors) => TypedResults.ValidationProblem(errors.ToDictionary()),
            Outcome<T>.NotFound(var what) => NotFound(what),
            _ => throw new InvalidOperationException("Unknown outcome."),
        };

    internal static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"There is no {what}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
