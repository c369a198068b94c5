using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Codes.Import;
using PeerEthics.Data;

namespace PeerEthics.Codes.Staff;

/// <summary>The body of <c>POST /api/codes/{code}/versions</c>: a code document's text and the day it comes into force.</summary>
public sealed record PublishVersionRequest(string? Text, string? Effective);

/// <summary><c>POST /api/codes/{code}/versions</c>: publish a new version of a code, for scripts run by staff.</summary>
public static class StaffCodesApi
{
    public static IEndpointRouteBuilder MapStaffCodesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/codes/{code}/versions", PublishVersion)
            .RequireAuthorization(Policies.ManageCodes)
            .WithTags("Codes")
            .WithSummary("Publish a code document as a new version of a code.")
            .WithDescription("Registrars and administrators, signed in with a second factor. Body: { \"text\": \"…\", \"effective\": \"yyyy-mm-dd\" }. "
                + "201 with the new version; 200 with the existing one when the code already has exactly this text; 400 naming each field that is wrong.");
        return app;
    }

    private static async Task<Results<Created<CodeVersionResponse>, Ok<CodeVersionResponse>, ValidationProblem, ProblemHttpResult>> PublishVersion(
        string code, PublishVersionRequest? request, PeerEthicsDb db, CodePublisher publisher, CodeReader reader, CancellationToken cancellationToken)
    {
        var program = await db.Programs.AsNoTracking()
            .Where(p => p.Code.Slug == code)
            .OrderBy(p => p.Slug)
            .Select(p => p.Slug)
            .FirstOrDefaultAsync(cancellationToken);
        if (program is null)
        {
            return TypedResults.Problem(
                title: "No such code",
                detail: $"There is no code '{code}'. GET /api/codes lists the codes there are.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (Validate(request, out var effective) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        switch (await publisher.PublishAsync(program, request!.Text!, effective, cancellationToken))
        {
            case PublishOutcome.Published(var version):
                var created = await reader.GetAsync(code, version.Number, cancellationToken);
                return TypedResults.Created($"/api/codes/{Uri.EscapeDataString(code)}/versions/{version.Number}", CodeVersionResponse.From(created!));
            case PublishOutcome.AlreadyPublished(var version):
                var existing = await reader.GetAsync(code, version.Number, cancellationToken);
                return TypedResults.Ok(CodeVersionResponse.From(existing!));
            case PublishOutcome.Refused(var refused):
                return TypedResults.ValidationProblem(refused);
            default:
                throw new InvalidOperationException("Unexpected publish outcome.");
        }
    }

    /// <summary>Every field that is wrong, each with its rule; null when the request can be published.</summary>
    private static Dictionary<string, string[]>? Validate(PublishVersionRequest? request, out DateOnly effective)
    {
        var errors = new Dictionary<string, string[]>();
        effective = default;
        if (string.IsNullOrWhiteSpace(request?.Text))
        {
            errors["text"] = ["Give the code document's text: its title, its principles and its pledge if it has one."];
        }
        else if (CodeDocumentBytes.Check(request.Text) is { } problem)
        {
            errors["text"] = [$"The text {problem}."];
        }

        if (string.IsNullOrWhiteSpace(request?.Effective))
        {
            errors["effective"] = ["Give the effective date, the day the version comes into force, as yyyy-mm-dd, e.g. 2027-01-01."];
        }
        else if (!DateOnly.TryParseExact(request.Effective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out effective))
        {
            errors["effective"] = [$"The effective date '{request.Effective}' is not a real date in the form yyyy-mm-dd, e.g. 2027-01-01."];
        }

        return errors.Count == 0 ? null : errors;
    }
}
