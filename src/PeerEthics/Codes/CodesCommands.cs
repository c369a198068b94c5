using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Codes.Crosswalk;
using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;

namespace PeerEthics.Codes;

/// <summary><c>peerethics codes …</c>: import, list, export and crosswalk codes of ethics.</summary>
public static class CodesCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var codes = new Command("codes", "Import, list, export and compare codes of ethics.");
        codes.Subcommands.Add(Import(output, error));
        codes.Subcommands.Add(Staff.PublishCommand.Create(output, error));
        codes.Subcommands.Add(List(output));
        codes.Subcommands.Add(Export(output, error));
        codes.Subcommands.Add(CrosswalkCommand(output, error));
        return codes;
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A code of ethics as a UTF-8 plain-text file." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Parse and print the result; store nothing." };
        var format = CliFormat.Option("text", "json");
        var program = new Option<string?>("--program") { Description = "The program whose code this is a new version of, e.g. massachusetts-cps." };
        var effective = new Option<string?>("--effective") { Description = "The day the version comes into force, yyyy-mm-dd." };
        var command = new Command("import", "Read a code document; with --program and --effective, publish it as a new version.")
        {
            file, dryRun, format, program, effective,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await ReadDocumentAsync(parseResult.GetValue(file)!, error, cancellationToken) is not { } source)
            {
                return PeerEthicsCommandLine.UsageError;
            }

            if (parseResult.GetValue(dryRun))
            {
                var parsed = CodeDocumentParser.Parse(source);
                var tagger = new ThemeTagger(ThemeTaxonomy.LoadShipped());
                await WriteDocumentAsync(output, CodeDocumentJson.From(parsed, tagger), parseResult.GetValue(format)!);
                return 0;
            }

            var programSlug = parseResult.GetValue(program);
            var effectiveText = parseResult.GetValue(effective);
            if (programSlug is null || effectiveText is null)
            {
                await error.WriteLineAsync("peerethics: codes import needs --program and --effective to publish (or --dry-run to only read the file).");
                return PeerEthicsCommandLine.UsageError;
            }

            if (!DateOnly.TryParseExact(effectiveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effectiveDate))
            {
                await error.WriteLineAsync($"peerethics: --effective '{effectiveText}' is not a date in the form yyyy-mm-dd.");
                return PeerEthicsCommandLine.UsageError;
            }

            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<CodePublisher>().PublishAsync(programSlug, source, effectiveDate, cancellationToken);
            switch (outcome)
            {
                case PublishOutcome.Published(var version) published:
                    await output.WriteLineAsync($"Published {programSlug} version {version.Number}, in force from {version.EffectiveDate:yyyy-MM-dd}, sha256 {version.ContentHash}.");
                    await WriteCampaignAsync(output, published.Campaign);
                    return 0;
                case PublishOutcome.AlreadyPublished(var version):
                    await output.WriteLineAsync($"Unchanged: {programSlug} version {version.Number} already has exactly this text (sha256 {version.ContentHash}).");
                    return 0;
                case PublishOutcome.Refused(var errors):
                    foreach (var (field, messages) in errors)
                    {
                        await error.WriteLineAsync($"peerethics: {field}: {string.Join(" ", messages)}");
                    }

                    return 1;
                default:
                    throw new InvalidOperationException($"Unexpected outcome {outcome}.");
            }
        });
        return command;
    }

    /// <summary>The line a publish prints about the re-commitment campaign it started, if it started one.</summary>
    internal static async Task WriteCampaignAsync(TextWriter output, Campaigns.CampaignStarted? campaign)
    {
        if (campaign is not null)
        {
            await output.WriteLineAsync($"Re-commitment campaign {campaign.Id} started: {campaign.MustSign} must sign by {campaign.Deadline:yyyy-MM-dd} (`peerethics campaigns show {campaign.Id}`).");
        }
    }

    private static Command List(TextWriter output)
    {
        var format = CliFormat.Option("text", "json");
        var command = new Command("list", "The codes of ethics and the version of each in force.") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var codes = await scope.ServiceProvider.GetRequiredService<CodeReader>().ListAsync(cancellationToken);
            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(codes, CodeExporter.ReadableJson));
                return 0;
            }

            foreach (var code in codes)
            {
                var inForce = code.InForce is { } v ? $"version {v.Number} from {v.EffectiveDate:yyyy-MM-dd}" : "no version";
                await output.WriteLineAsync($"{code.Slug}\t{code.Title}\t{inForce}");
            }

            return 0;
        });
        return command;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var code = new Argument<string>("code") { Description = "The code's name, e.g. massachusetts-cps." };
        var format = CliFormat.Option([.. CodeExporter.Formats]);
        var version = new Option<int?>("--version") { Description = "Which version (default: the one in force)." };
        var command = new Command("export", "Write a code version as Markdown, JSON or HTML.") { code, format, version };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var slug = parseResult.GetValue(code)!;
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var view = await scope.ServiceProvider.GetRequiredService<CodeReader>().GetAsync(slug, parseResult.GetValue(version), cancellationToken);
            if (view is null)
            {
                await error.WriteLineAsync($"peerethics: there is no code '{slug}'{(parseResult.GetValue(version) is { } n ? $" with version {n}" : "")}.");
                return PeerEthicsCommandLine.UsageError;
            }

            await output.WriteAsync(CodeExporter.Export(view, parseResult.GetValue(format)!));
            return 0;
        });
        return command;
    }

    private static Command CrosswalkCommand(TextWriter output, TextWriter error)
    {
        var left = new Argument<string>("a") { Description = "A code's name (e.g. massachusetts-cps) or a code document file." };
        var right = new Argument<string>("b") { Description = "Another code's name or file." };
        var format = CliFormat.Option("text", "json");
        var command = new Command("crosswalk", "Pair the principles of two codes by theme and meaning.") { left, right, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<CodeReader>();
            var a = await ResolvePrinciplesAsync(parseResult.GetValue(left)!, reader, error, cancellationToken);
            var b = await ResolvePrinciplesAsync(parseResult.GetValue(right)!, reader, error, cancellationToken);
            if (a is null || b is null)
            {
                return PeerEthicsCommandLine.UsageError;
            }

            var crosswalk = scope.ServiceProvider.GetRequiredService<CrosswalkBuilder>().Compute(a, b);
            var json = CrosswalkJson.From(parseResult.GetValue(left)!, parseResult.GetValue(right)!, crosswalk);
            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(json, CodeExporter.ReadableJson));
                return 0;
            }

            foreach (var pair in json.Pairs)
            {
                await output.WriteLineAsync($"{pair.Left,-8} ↔ {pair.Right,-8} {pair.Score:0.00}  {string.Join(", ", pair.Themes)}");
            }

            await output.WriteLineAsync($"Only in {json.Left}: {(json.OnlyLeft.Count == 0 ? "nothing" : string.Join(" ", json.OnlyLeft))}");
            await output.WriteLineAsync($"Only in {json.Right}: {(json.OnlyRight.Count == 0 ? "nothing" : string.Join(" ", json.OnlyRight))}");
            return 0;
        });
        return command;
    }

    /// <summary>A code given by name (from the database) or as a file path.</summary>
    private static async Task<IReadOnlyList<ParsedPrinciple>?> ResolvePrinciplesAsync(string nameOrFile, CodeReader reader, TextWriter error, CancellationToken cancellationToken)
    {
        if (File.Exists(nameOrFile))
        {
            return await ReadDocumentAsync(new FileInfo(nameOrFile), error, cancellationToken) is { } source
                ? CodeDocumentParser.Parse(source).Principles
                : null;
        }

        if (await reader.GetAsync(nameOrFile, null, cancellationToken) is { } view)
        {
            return view.Document.Principles;
        }

        await error.WriteLineAsync($"peerethics: '{nameOrFile}' is neither a code's name nor a file.");
        return null;
    }

    /// <summary>Reads a code document file, or says on stderr why it cannot (missing, unreadable, not text, too large).</summary>
    internal static async Task<string?> ReadDocumentAsync(FileInfo file, TextWriter error, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"peerethics: file not found: {file.FullName}");
            return null;
        }

        try
        {
            // The same rules as an upload to the staff pages; the size is checked before reading it all.
            if (CodeDocumentBytes.TooLarge(file.Length) is { } tooLarge)
            {
                await error.WriteLineAsync($"peerethics: {file.FullName} {tooLarge}.");
                return null;
            }

            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            if (!CodeDocumentBytes.TryDecode(bytes, out var text, out var problem))
            {
                await error.WriteLineAsync($"peerethics: {file.FullName} {problem}.");
                return null;
            }

            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"peerethics: cannot read {file.FullName}: {e.Message}");
            return null;
        }
    }

    private static async Task WriteDocumentAsync(TextWriter output, CodeDocumentJson document, string format)
    {
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(document, CodeExporter.ReadableJson));
            return;
        }

        await output.WriteLineAsync($"Title: {document.Title ?? "(none found)"}");
        if (document.Issuer is not null)
        {
            await output.WriteLineAsync($"Issuer: {document.Issuer}");
        }

        await output.WriteLineAsync($"Principles: {document.Principles.Count}");
        foreach (var principle in document.Principles)
        {
            await output.WriteLineAsync($"  {principle.Label} {principle.Text}");
        }

        await output.WriteLineAsync($"Pledge: {(document.Pledge is null ? "none" : document.Pledge.Statement)}");
        await output.WriteLineAsync($"Revisions: {(document.Revisions.Count == 0 ? "none" : string.Join(", ", document.Revisions.Select(r => r.Year)))}");
        foreach (var warning in document.Warnings)
        {
            await output.WriteLineAsync($"Warning, line {warning.Line}: {warning.Message}");
        }
    }
}
