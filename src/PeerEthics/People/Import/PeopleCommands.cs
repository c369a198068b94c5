using System.CommandLine;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Codes;

namespace PeerEthics.People.Import;

/// <summary>
/// <c>peerethics people import &lt;file.csv&gt; --program &lt;slug&gt; [--dry-run] [--format text|json]</c>: the staff import
/// page, for scripts. Exit codes: 0 imported (or, in a dry run, nothing wrong); 1 problems found, each printed with
/// its row and column, nothing imported; 2 the file or program cannot be used at all (one line on stderr).
/// </summary>
public static class PeopleCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var people = new Command("people", "People known to a program, and their credentials.");
        people.Subcommands.Add(Import(output, error));
        return people;
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = $"A CSV file (UTF-8, at most {ImportFile.MaxSize}): a header row naming the columns, then one row per person." };
        var program = new Option<string>("--program") { Description = "The program whose credentials these are, e.g. massachusetts-cps.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report every problem; import nothing." };
        var format = CliFormat.Option("text", "json");
        var command = new Command("import",
            "Import people, each with a credential with one program, from a CSV file: every row or none. Problems are reported by row "
            + "(the header is row 1) and column, all at once. Exit code 0: imported (or, with --dry-run, nothing wrong); 1: problems, nothing imported; "
            + $"2: the file or program cannot be used.{Environment.NewLine}Columns (capitals, spaces and hyphens in the header do not matter):{Environment.NewLine}{ImportColumns.Describe()}")
        {
            file, program, dryRun, format,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var info = parseResult.GetValue(file)!;
            if (await ReadAsync(info, error, cancellationToken) is not { } bytes)
            {
                return PeerEthicsCommandLine.UsageError;
            }

            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<PeopleImporter>();
            switch (await importer.RunAsync(parseResult.GetValue(program), bytes, info.Name, parseResult.GetValue(dryRun), cancellationToken))
            {
                case ImportOutcome.Unusable(var field, var message):
                    await error.WriteLineAsync(field == "program" ? $"peerethics: --program: {message}" : $"peerethics: {message}");
                    return PeerEthicsCommandLine.UsageError;
                case ImportOutcome.Checked(var report):
                    await WriteAsync(report, parseResult.GetValue(format)!, output, error);
                    return report.Problems.Count == 0 ? 0 : 1;
                default:
                    throw new InvalidOperationException("Unexpected import outcome.");
            }
        });
        return command;
    }

    private static async Task<byte[]?> ReadAsync(FileInfo file, TextWriter error, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"peerethics: file not found: {file.FullName}");
            return null;
        }

        if (ImportFile.TooLarge(file.Length) is { } tooLarge)
        {
            await error.WriteLineAsync($"peerethics: {file.Name} {tooLarge}.");
            return null;
        }

        try
        {
            return await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"peerethics: cannot read {file.FullName}: {e.Message}");
            return null;
        }
    }

    /// <summary>JSON: the report on stdout, problems included. Text: what was (or would be) added on stdout; problems on stderr, one a line.</summary>
    private static async Task WriteAsync(ImportReport report, string format, TextWriter output, TextWriter error)
    {
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(ImportReportJson.From(report), CodeExporter.ReadableJson));
            return;
        }

        if (report.Problems.Count > 0)
        {
            foreach (var problem in report.Problems)
            {
                await error.WriteLineAsync($"{report.FileName}, {problem}");
            }

            await error.WriteLineAsync($"peerethics: {report.Summary()}");
            return;
        }

        await output.WriteLineAsync(report.Summary());
        if (report.NewEmployers.Count > 0)
        {
            await output.WriteLineAsync($"New employers: {string.Join("; ", report.NewEmployers)}");
        }

        if (report.NewSupervisors.Count > 0)
        {
            await output.WriteLineAsync($"New supervisors: {string.Join("; ", report.NewSupervisors)}");
        }
    }
}
