using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PeerEthics.Rules;

/// <summary>A situation as JSON (samples/situations/README.md): every field but kind may be left out.</summary>
public sealed record SituationJson(
    string Kind,
    string? Date,
    string? Direction,
    decimal? Value,
    bool? CashOrGiftCard,
    string? Counterpart,
    string? SupportEnded,
    string? Relationship,
    bool? Impaired,
    string? Description);

/// <summary>The body of <c>POST /api/rules/evaluate</c>.</summary>
public sealed record EvaluateRequest(SituationJson Situation, IReadOnlyList<string>? Programs);

/// <summary>The situation as understood (with its date filled in) and its evaluation under each program.</summary>
public sealed record EvaluateResponse(Situation Situation, IReadOnlyList<ProgramEvaluation> Evaluations);

/// <summary><c>/api/rules</c>: a situation evaluated under every program's rules, with traces.</summary>
public static class RulesApi
{
    private static readonly string[] BodyFields = ["situation", "programs"];

    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rules").WithTags("Rules");
        // Public (see Web/Security/PublicEndpoints): anyone may ask how a situation reads under each code.
        api.MapPost("/evaluate", Evaluate)
            .Accepts<EvaluateRequest>("application/json")
            .WithSummary("Evaluate one situation under every program's code (or those listed), side by side, each rule with its trace.");
        return app;
    }

    private static async Task<Results<Ok<EvaluateResponse>, ValidationProblem>> Evaluate(
        HttpRequest request, SituationEvaluator evaluator, TimeProvider clock, CancellationToken cancellationToken)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return Invalid("body", $"The body is not valid JSON (line {e.LineNumber + 1}): send {{\"situation\": {{\"kind\": \"gift\", …}}, \"programs\": [\"massachusetts-cps\"]}}.");
        }

        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("body", "The body must be a JSON object with 'situation' (and, if you like, 'programs').");
            }

            var errors = new Dictionary<string, string[]>();
            foreach (var property in root.EnumerateObject().Where(p => !BodyFields.Contains(p.Name)))
            {
                errors[property.Name] = [$"'{property.Name}' is not part of the request; it has 'situation' and 'programs'."];
            }

            Situation? situation = null;
            if (!root.TryGetProperty("situation", out var situationJson) || situationJson.ValueKind == JsonValueKind.Null)
            {
                errors["situation"] = ["'situation' is required: the facts to evaluate, such as {\"kind\": \"gift\", \"direction\": \"received\", \"value\": 60}."];
            }
            else
            {
                var read = SituationReader.FromJson(situationJson, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "situation.");
                foreach (var (field, messages) in read.Errors)
                {
                    errors[field] = messages;
                }

                situation = read.Situation;
            }

            var programs = await ReadProgramsAsync(root, evaluator, errors, cancellationToken);
            if (errors.Count > 0 || situation is null)
            {
                return TypedResults.ValidationProblem(errors, title: "The situation cannot be evaluated as sent.");
            }

            return TypedResults.Ok(new EvaluateResponse(situation, await evaluator.EvaluateAsync(situation, programs, cancellationToken)));
        }
    }

    private static async Task<List<string>?> ReadProgramsAsync(JsonElement root, SituationEvaluator evaluator, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (!root.TryGetProperty("programs", out var programsJson) || programsJson.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (programsJson.ValueKind != JsonValueKind.Array)
        {
            errors["programs"] = ["'programs' must be a list of program names, such as [\"massachusetts-cps\", \"missouri-cmps\"]."];
            return null;
        }

        var known = (await evaluator.ProgramsAsync(cancellationToken)).Select(p => p.Slug).ToList();
        var programs = new List<string>();
        var index = 0;
        foreach (var item in programsJson.EnumerateArray())
        {
            var slug = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (slug is null || !known.Contains(slug))
            {
                errors[$"programs[{index}]"] = [$"There is no program {(slug is null ? item.GetRawText() : $"'{slug}'")}. The programs are: {string.Join(", ", known)}."];
            }
            else
            {
                programs.Add(slug);
            }

            index++;
        }

        return programs;
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The situation cannot be evaluated as sent.");
}
