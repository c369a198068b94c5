using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.People.Forms;

namespace PeerEthics.Registry;

/// <summary><c>/api/registry</c>: the public registry, for anyone (rate limited per client address).</summary>
public static class RegistryApi
{
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry").WithTags("Registry");
        api.MapGet("", Search)
            .WithSummary("Search listed credentials by a prefix of a first, middle or last name (legal or preferred; case, accents and apostrophes ignored). 20 a page, pages 1 to 50.");
        api.MapGet("/{number}", Lookup)
            .WithSummary("One listed credential by its number: name, program, status, expiry date and public notices. 404 when no listed credential has it.");
        return app;
    }

    private static async Task<Results<Ok<RegistrySearchResult>, ValidationProblem>> Search(string? q, string? page, RegistrySearch registry, CancellationToken cancellationToken) =>
        await registry.SearchAsync(q, RegistrySearch.PageNumber(page), cancellationToken) switch
        {
            Outcome<RegistrySearchResult>.Done(var result) => TypedResults.Ok(result),
            Outcome<RegistrySearchResult>.Refused(var errors) => TypedResults.ValidationProblem(errors.ToDictionary()),
            _ => throw new InvalidOperationException("A search has no record to miss."),
        };

    private static async Task<Results<Ok<RegistryEntry>, ProblemHttpResult>> Lookup(string number, RegistrySearch registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(number, cancellationToken) is { } entry
            ? TypedResults.Ok(entry)
            : TypedResults.Problem(
                $"No listed credential has the number {number}. Check the number as printed on the certificate, or search by name. Applicants and trainees are not listed.",
                statusCode: StatusCodes.Status404NotFound, title: "Credential not found");
}
