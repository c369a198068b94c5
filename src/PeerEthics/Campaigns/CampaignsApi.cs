using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Accounts;
using PeerEthics.People;
using PeerEthics.People.Forms;

namespace PeerEthics.Campaigns;

/// <summary><c>/api/campaigns</c>: re-commitment campaigns for program staff (registrars and administrators, with a second factor).</summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization(Policies.ManagePeople);
        api.MapGet("", List).WithSummary("Re-commitment campaigns, the newest first, with how many signed, are pending and are overdue.");
        api.MapGet("/{id:int}", Get).WithSummary("One campaign: totals by employer and by supervisor, who has not signed, deadline changes and reminders.");
        api.MapPost("/{id:int}/deadline", ChangeDeadline).WithSummary(
            "Change a campaign's deadline: { \"deadline\": \"yyyy-mm-dd\", \"reason\": \"…\" }, both required. 200 with the campaign; 400 naming each field and rule (nothing changed); 404.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CampaignJson>>> List(CampaignDashboard dashboard, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<CampaignJson>>([.. (await dashboard.ListAsync(cancellationToken)).Select(CampaignJson.From)]);

    private static async Task<Results<Ok<CampaignDetailJson>, ProblemHttpResult>> Get(int id, CampaignDashboard dashboard, CancellationToken cancellationToken) =>
        await dashboard.GetAsync(id, cancellationToken) is { } campaign ? TypedResults.Ok(CampaignDetailJson.From(campaign)) : PeopleApi.NotFound($"campaign {id}");

    private static async Task<Results<Ok<CampaignDetailJson>, ValidationProblem, ProblemHttpResult>> ChangeDeadline(
        int id, DeadlineChangeInput input, CampaignDeadlines deadlines, CampaignDashboard dashboard, CancellationToken cancellationToken) =>
        await deadlines.ChangeAsync(id, input, cancellationToken) switch
        {
            Outcome<DateOnly>.Done => TypedResults.Ok(CampaignDetailJson.From((await dashboard.GetAsync(id, cancellationToken))!)),
            Outcome<DateOnly>.Refused(var errors) => TypedResults.ValidationProblem(errors.ToDictionary()),
            _ => PeopleApi.NotFound($"campaign {id}"),
        };
}
