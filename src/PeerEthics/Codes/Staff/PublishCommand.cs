using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PeerEthics.Cli;

namespace PeerEthics.Codes.Staff;

/// <summary>
/// <c>peerethics codes publish &lt;file&gt; --code &lt;slug&gt; --effective &lt;date&gt; [--dry-run]</c>: the staff pages'
/// publish, for scripts. The dry run prints the preview the draft page shows (warnings, the lossless check,
/// what changes) and stores nothing.
/// </summary>
public static class PublishCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "The code document: a plain-text file (.txt or .md), UTF-8." };
        var code = new Option<string>("--code") { Description = "The code this is a new version of, e.g. massachusetts-cps.", Required = true };
        var effective = new Option<string?>("--effective") { Description = "The day the version comes into force, yyyy-mm-dd (needed to publish; checked when given to a dry run)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be published, with warnings and changes; store nothing." };
        var format = CliFormat.Option("text", "json");
        var command = new Command("publish", "Publish a code document as a new version of a code (or preview it with --dry-run).")
        {
            file, code, effective, dryRun, format,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var dry = parseResult.GetValue(dryRun);
            var effectiveText = parseResult.GetValue(effective);
            DateOnly? effectiveDate = null;
            if (effectiveText is null && !dry)
            {
                await error.WriteLineAsync("peerethics: --effective: give the day the version comes into force, yyyy-mm-dd (or use --dry-run to only preview).");
                return PeerEthicsCommandLine.UsageError;
            }

            if (effectiveText is not null)
            {
                if (!DateOnly.TryParseExact(effectiveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDate))
                {
                    await error.WriteLineAsync($"peerethics: --effective '{effectiveText}' is not a real date in the form yyyy-mm-dd.");
                    return PeerEthicsCommandLine.UsageError;
                }

                effectiveDate = parsedDate;
            }

            if (await CodesCommands.ReadDocumentAsync(parseResult.GetValue(file)!, error, cancellationToken) is not { } source)
            {
                return PeerEthicsCommandLine.UsageError;
            }

            var slug = parseResult.GetValue(code)!;
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var previews = scope.ServiceProvider.GetRequiredService<DraftPreviewReader>();
            if (await previews.ProgramOfCodeAsync(slug, cancellationToken) is not { } program)
            {
                await error.WriteLineAsync($"peerethics: --code: there is no code '{slug}'; `peerethics codes list` shows the codes there are.");
                return PeerEthicsCommandLine.UsageError;
            }

            var preview = (await previews.PreviewAsync(slug, source, cancellationToken))!;
            if (effectiveDate is { } day && preview.EffectiveProblem(day) is { } tooEarly)
            {
                await error.WriteLineAsync($"peerethics: --effective: {tooEarly}");
                return 1;
            }

            if (dry)
            {
                await WritePreviewAsync(output, preview, effectiveDate, parseResult.GetValue(format)!);
                return preview.CanPublish || preview.PublishedAs is not null ? 0 : 1;
            }

            switch (await scope.ServiceProvider.GetRequiredService<CodePublisher>().PublishAsync(program.Slug, source, effectiveDate!.Value, cancellationToken))
            {
                case PublishOutcome.Published(var version) published:
                    foreach (var warning in preview.Warnings)
                    {
                        await error.WriteLineAsync($"warning: line {warning.Line}: {warning.Message}");
                    }

                    await output.WriteLineAsync($"Published {slug} version {version.Number}, in force from {version.EffectiveDate:yyyy-MM-dd}, sha256 {version.ContentHash}.");
                    await CodesCommands.WriteCampaignAsync(output, published.Campaign);
                    return 0;
                case PublishOutcome.AlreadyPublished(var version):
                    await output.WriteLineAsync($"Unchanged: {slug} version {version.Number} already has exactly this text (sha256 {version.ContentHash}).");
                    return 0;
                case PublishOutcome.Refused(var errors):
                    foreach (var (field, messages) in errors)
                    {
                        await error.WriteLineAsync($"peerethics: {field}: {string.Join(" ", messages)}");
                    }

                    return 1;
                default:
                    throw new InvalidOperationException($"Unexpected outcome {preview}.");
            }
        });
        return command;
    }

    private static async Task WritePreviewAsync(TextWriter output, DocumentPreview preview, DateOnly? effective, string format)
    {
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(VersionPreviewJson.From(preview, effective), CodeExporter.ReadableJson));
            return;
        }

        var parsed = preview.Parsed;
        await output.WriteLineAsync($"Dry run: nothing was stored.");
        await output.WriteLineAsync(preview.PublishedAs is { } same
            ? $"{preview.CodeSlug} version {same} already has exactly this text; publishing would change nothing."
            : $"Would publish {preview.CodeSlug} version {preview.NextNumber}{(effective is { } day ? $", in force from {day:yyyy-MM-dd}" : "")}.");
        await output.WriteLineAsync($"Title: {parsed.Title ?? "(none found)"}");
        await output.WriteLineAsync($"Principles: {parsed.Principles.Count}; pledge: {(parsed.Pledge is null ? "none" : "yes")}; revisions: {(parsed.Revisions.Count == 0 ? "none" : string.Join(", ", parsed.Revisions.Select(r => r.Year)))}");
        var lossless = preview.Lossless;
        await output.WriteLineAsync(lossless.Lossless
            ? $"Every word kept: yes, all {lossless.SourceWords} words, in order."
            : $"Every word kept: NO, the words first differ at word {lossless.FirstDifference} (document: \"{lossless.SourceAround}\"; as read: \"{lossless.KeptAround}\").");
        if (preview.InForce is { } inForce && preview.Difference is { } diff)
        {
            int Count(Diff.ChangeKind kind) => diff.Principles.Count(c => c.Kind == kind);
            await output.WriteLineAsync($"Changes from version {inForce.Version.Number} (in force): {Count(Diff.ChangeKind.Changed)} reworded, {Count(Diff.ChangeKind.Added)} added, {Count(Diff.ChangeKind.Removed)} removed, {Count(Diff.ChangeKind.Unchanged)} unchanged.");
        }
        else
        {
            await output.WriteLineAsync("Changes: the code has no version yet; this would be its first.");
        }

        foreach (var problem in preview.Problems.SelectMany(p => p.Value.Select(m => $"{p.Key}: {m}")))
        {
            await output.WriteLineAsync($"Cannot be published: {problem}");
        }

        await output.WriteLineAsync($"Warnings: {preview.Warnings.Count}");
        foreach (var warning in preview.Warnings)
        {
            await output.WriteLineAsync($"  line {warning.Line}: {warning.Message}{(warning.LineText is null ? "" : $" (the line reads: {warning.LineText})")}");
        }
    }
}
