using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Codes.Crosswalk;
using PeerEthics.Codes.Diff;

namespace PeerEthics.Codes;

/// <summary><c>/api/codes</c> and <c>/api/crosswalk</c>: codes, versions, diffs and crosswalks as JSON.</summary>
public static class CodesApi
{
    public static IEndpointRouteBuilder MapCodesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Codes");
        api.MapGet("/codes", ListCodes).WithSummary("Every code of ethics, with the version in force.");
        api.MapGet("/codes/{code}", GetCode).WithSummary("The version of a code in force today.");
        api.MapGet("/codes/{code}/versions/{version:int}", GetVersion).WithSummary("One version of a code.");
        api.MapGet("/codes/{code}/diff", DiffVersions).WithSummary("Word-level difference between two versions of a code.");
        api.MapGet("/crosswalk", CrosswalkCodes).WithSummary("The principles of two codes paired by theme and meaning.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CodeSummary>>> ListCodes(CodeReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ListAsync(cancellationToken));

    private static async Task<Results<Ok<CodeVersionResponse>, ProblemHttpResult>> GetCode(string code, CodeReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(code, null, cancellationToken) is { } view
            ? TypedResults.Ok(CodeVersionResponse.From(view))
            : UnknownCode(code);

    private static async Task<Results<Ok<CodeVersionResponse>, ProblemHttpResult>> GetVersion(string code, int version, CodeReader reader, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(code, version, cancellationToken) is { } view)
        {
            return TypedResults.Ok(CodeVersionResponse.From(view));
        }

        return await reader.GetAsync(code, null, cancellationToken) is null ? UnknownCode(code) : UnknownVersion(code, version);
    }

    private static async Task<Results<Ok<VersionDiffJson>, ValidationProblem, ProblemHttpResult>> DiffVersions(
        string code, int? from, int? to, CodeReader reader, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is null)
        {
            errors["from"] = ["Give the version number to compare from, e.g. from=1."];
        }

        if (to is null)
        {
            errors["to"] = ["Give the version number to compare to, e.g. to=2."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var older = await reader.GetAsync(code, from, cancellationToken);
        var newer = await reader.GetAsync(code, to, cancellationToken);
        if (older is null || newer is null)
        {
            return await reader.GetAsync(code, null, cancellationToken) is null
                ? UnknownCode(code)
                : UnknownVersion(code, older is null ? from!.Value : to!.Value);
        }

        return TypedResults.Ok(VersionDiffJson.Create(code, older.Version.Number, newer.Version.Number, VersionDiffer.Compare(older.Document, newer.Document)));
    }

    private static async Task<Results<Ok<CrosswalkJson>, ValidationProblem, ProblemHttpResult>> CrosswalkCodes(
        string? left, string? right, CodeReader reader, CrosswalkBuilder builder, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(left))
        {
            errors["left"] = ["Give the code to compare from, e.g. left=massachusetts-cps."];
        }

        if (string.IsNullOrWhiteSpace(right))
        {
            errors["right"] = ["Give the code to compare with, e.g. right=missouri-cmps."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var leftView = await reader.GetAsync(left!, null, cancellationToken);
        if (leftView is null)
        {
            return UnknownCode(left!);
        }

        var rightView = await reader.GetAsync(right!, null, cancellationToken);
        if (rightView is null)
        {
            return UnknownCode(right!);
        }

        var crosswalk = builder.Compute(leftView.Document.Principles, rightView.Document.Principles);
        return TypedResults.Ok(CrosswalkJson.From(left!, right!, crosswalk));
    }

    private static ProblemHttpResult UnknownCode(string code) => TypedResults.Problem(
        title: "No such code",
        detail: $"There is no code '{code}'. GET /api/codes lists the codes there are.",
        statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult UnknownVersion(string code, int version) => TypedResults.Problem(
        title: "No such version",
        detail: $"The code '{code}' has no version {version}.",
        statusCode: StatusCodes.Status404NotFound);
}
