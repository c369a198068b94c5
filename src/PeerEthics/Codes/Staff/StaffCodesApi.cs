using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Accounts;
using PeerEthics.Codes.Import;

namespace PeerEthics.Codes.Staff;

/// <summary>The JSON body of <c>POST /api/codes/{code}/versions</c>: a code document's text and the day it comes into force.</summary>
public sealed record PublishVersionRequest(string? Text, string? Effective);

/// <summary>
/// <c>POST /api/codes/{code}/versions</c>: publish a new version of a code, for scripts run by staff; with
/// <c>?dryRun=true</c>, the preview the staff pages show, and nothing stored.
/// </summary>
public static class StaffCodesApi
{
    public static IEndpointRouteBuilder MapStaffCodesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/codes/{code}/versions", PublishVersion)
            .RequireAuthorization(Policies.ManageCodes)
            .Accepts<PublishVersionRequest>("application/json", "multipart/form-data")
            .DisableAntiforgery()
            .WithTags("Codes")
            .WithSummary("Publish a code document as a new version of a code, or preview it (dryRun=true).")
            .WithDescription("Registrars and administrators, signed in with a second factor. JSON { \"text\": \"…\", \"effective\": \"yyyy-mm-dd\" }, "
                + "or multipart/form-data with a file (or a text field) and an effective field. 201 with the new version (from a code's second version on, with the re-commitment campaign it started: id, deadline, how many must sign); 200 with the existing one "
                + "when the code already has exactly this text; with dryRun=true, 200 with the preview (warnings, lossless check, changes) and nothing stored; "
                + "400 naming each field that is wrong; 404 for an unknown code.");
        return app;
    }

    private static async Task<Results<Created<CodeVersionResponse>, Ok<CodeVersionResponse>, Ok<VersionPreviewJson>, ValidationProblem, ProblemHttpResult>> PublishVersion(
        string code, bool? dryRun, HttpRequest http, DraftPreviewReader previews, CodePublisher publisher, CodeReader reader, CancellationToken cancellationToken)
    {
        if (await previews.ProgramOfCodeAsync(code, cancellationToken) is not { } program)
        {
            return TypedResults.Problem(
                title: "No such code",
                detail: $"There is no code '{code}'. GET /api/codes lists the codes there are.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var dry = dryRun == true;
        var errors = new Dictionary<string, string[]>();
        var (text, effectiveText) = await ReadBodyAsync(http, errors, cancellationToken);
        var effective = ValidateEffective(effectiveText, required: !dry, errors);
        if (text is not null && CodeDocumentBytes.Check(text) is { } problem)
        {
            errors["text"] = [$"The text {problem}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var preview = (await previews.PreviewAsync(program.CodeSlug, text!, cancellationToken))!;
        if (effective is { } day && preview.EffectiveProblem(day) is { } tooEarly)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["effective"] = [tooEarly] });
        }

        if (dry)
        {
            return TypedResults.Ok(VersionPreviewJson.From(preview, effective));
        }

        switch (await publisher.PublishAsync(program.Slug, text!, effective!.Value, cancellationToken))
        {
            case PublishOutcome.Published(var version) published:
                var created = await reader.GetAsync(code, version.Number, cancellationToken);
                return TypedResults.Created($"/api/codes/{Uri.EscapeDataString(code)}/versions/{version.Number}",
                    CodeVersionResponse.From(created!) with { Campaign = published.Campaign is { } started ? Campaigns.CampaignStartedJson.From(started) : null });
            case PublishOutcome.AlreadyPublished(var version):
                var existing = await reader.GetAsync(code, version.Number, cancellationToken);
                return TypedResults.Ok(CodeVersionResponse.From(existing!));
            case PublishOutcome.Refused(var refused):
                return TypedResults.ValidationProblem(refused);
            default:
                throw new InvalidOperationException("Unexpected publish outcome.");
        }
    }

    /// <summary>The text and effective date from a JSON or multipart body; problems with the body itself go into <paramref name="errors"/>.</summary>
    private static async Task<(string? Text, string? Effective)> ReadBodyAsync(HttpRequest http, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            string? fileText = null;
            if (file is not null)
            {
                if (CodeDocumentBytes.TooLarge(file.Length) is { } tooLarge)
                {
                    errors["file"] = [$"The file {tooLarge}."];
                }
                else
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, cancellationToken);
                    if (!CodeDocumentBytes.TryDecode(buffer.ToArray(), out fileText, out var why))
                    {
                        errors["file"] = [$"The file {why}."];
                    }
                }
            }

            var formText = form["text"].ToString();
            if (file is not null && !string.IsNullOrWhiteSpace(formText))
            {
                errors["text"] = ["Give the document one way only: a file or a text field, not both."];
            }
            else if (file is null && string.IsNullOrWhiteSpace(formText))
            {
                errors["file"] = ["Give the code document: a file part named 'file', or a field named 'text'."];
            }

            return (fileText ?? (string.IsNullOrWhiteSpace(formText) ? null : formText), form["effective"].ToString());
        }

        if (http.HasJsonContentType())
        {
            try
            {
                var request = await http.ReadFromJsonAsync<PublishVersionRequest>(cancellationToken);
                if (string.IsNullOrWhiteSpace(request?.Text))
                {
                    errors["text"] = ["Give the code document's text: its title, its principles and its pledge if it has one."];
                }

                return (request?.Text, request?.Effective);
            }
            catch (JsonException e)
            {
                errors["body"] = [$"The body is not valid JSON of the form {{ \"text\": \"…\", \"effective\": \"yyyy-mm-dd\" }}: {e.Message}"];
                return (null, null);
            }
        }

        errors["body"] = ["Send the document as JSON ({ \"text\": \"…\", \"effective\": \"yyyy-mm-dd\" }) or as multipart/form-data (a file named 'file' and a field named 'effective')."];
        return (null, null);
    }

    private static DateOnly? ValidateEffective(string? text, bool required, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors["effective"] = ["Give the effective date, the day the version comes into force, as yyyy-mm-dd, e.g. 2027-01-01."];
            }

            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
        {
            errors["effective"] = [$"The effective date '{text}' is not a real date in the form yyyy-mm-dd, e.g. 2027-01-01."];
            return null;
        }

        return effective;
    }
}
