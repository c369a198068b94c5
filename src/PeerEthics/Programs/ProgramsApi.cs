using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;

namespace PeerEthics.Programs;

/// <summary>The settings of a program as the public API shows them: the values, not who recorded them.</summary>
public sealed record ProgramSettingsJson(
    DateOnly EffectiveFrom, int RenewalCycleMonths, decimal CeHoursPerCycle, decimal EthicsHoursPerCycle,
    int GracePeriodDays, int RenewalWindowDays, string NumberFormat, int SignNewVersionDays, bool ToConfirm, string? Note)
{
    public static ProgramSettingsJson From(ProgramSettingsView s) => new(
        s.EffectiveFrom, s.RenewalCycleMonths, s.CeHoursPerCycle, s.EthicsHoursPerCycle, s.GracePeriodDays, s.RenewalWindowDays,
        s.NumberFormat, s.SignNewVersionDays, s.ToConfirm, s.Note);
}

public sealed record ProgramJson(string Slug, string Name, string Code, ProgramSettingsJson? Settings);

public sealed record ProgramDetailJson(string Slug, string Name, string Code, ProgramSettingsJson? Settings, IReadOnlyList<ProgramSettingsJson> History);

/// <summary><c>/api/programs</c>: the programs and their renewal settings (public); new settings versions (staff).</summary>
public static class ProgramsApi
{
    public static IEndpointRouteBuilder MapProgramsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/programs").WithTags("Programs");
        api.MapGet("", ListPrograms)
            .WithSummary("Every program with its slug and the settings in force today (renewal cycle, CE hours, grace period, number format).");
        api.MapGet("/{slug}", GetProgram)
            .WithSummary("One program: the settings in force today and every version, oldest first.");
        api.MapPost("/{slug}/settings", AddSettings).RequireAuthorization(Policies.ManagePrograms)
            .WithSummary("Add a settings version, in force from its effective date (today or later). Old versions are kept.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ProgramJson>>> ListPrograms(ProgramSettingsHistory programs, CancellationToken cancellationToken)
    {
        var list = await programs.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ProgramJson>>([.. list.Select(p => new ProgramJson(p.Slug, p.Name, p.Code, p.InForce is { } s ? ProgramSettingsJson.From(s) : null))]);
    }

    private static async Task<Results<Ok<ProgramDetailJson>, ProblemHttpResult>> GetProgram(string slug, ProgramSettingsHistory programs, CancellationToken cancellationToken)
    {
        if (await programs.FindAsync(slug, cancellationToken) is not { } program)
        {
            return UnknownProgram(slug);
        }

        var history = await programs.HistoryAsync(program.Id, cancellationToken);
        return TypedResults.Ok(new ProgramDetailJson(program.Slug, program.Name, program.Code,
            program.InForce is { } s ? ProgramSettingsJson.From(s) : null, [.. history.Select(ProgramSettingsJson.From)]));
    }

    private static async Task<Results<Created<ProgramSettingsJson>, ValidationProblem, ProblemHttpResult>> AddSettings(
        string slug, ProgramSettingsInput input, ProgramSettingsHistory programs, CancellationToken cancellationToken) =>
        await programs.AddAsync(slug, input, cancellationToken) switch
        {
            Outcome<ProgramSettingsView>.Done(var added) => TypedResults.Created($"/api/programs/{slug}", ProgramSettingsJson.From(added)),
            Outcome<ProgramSettingsView>.Refused(var errors) => TypedResults.ValidationProblem(errors.ToDictionary()),
            _ => UnknownProgram(slug),
        };

    private static ProblemHttpResult UnknownProgram(string slug) =>
        TypedResults.Problem($"There is no program '{slug}'. GET /api/programs lists the programs.", statusCode: StatusCodes.Status404NotFound, title: "Unknown program");
}
