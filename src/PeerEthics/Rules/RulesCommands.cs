using System.CommandLine;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Codes;

namespace PeerEthics.Rules;

/// <summary><c>peerethics rules …</c>: evaluate a situation under programs' rules, check a rule file.</summary>
public static class RulesCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var rules = new Command("rules", "Check situations against codes' rules, and check rule files.");
        rules.Subcommands.Add(Eval(output, error));
        rules.Subcommands.Add(Check(output, error));
        return rules;
    }

    private static Command Eval(TextWriter output, TextWriter error)
    {
        var program = new Option<string[]>("--program") { Description = "A program to evaluate under, e.g. massachusetts-cps; repeat for more (default: every program).", AllowMultipleArgumentsPerToken = false };
        var situationFile = new Option<FileInfo>("--situation") { Description = "The situation, a JSON file (see samples/situations/README.md).", Required = true };
        var format = CliFormat.Option("text", "json");
        var command = new Command("eval", "Evaluate a situation under programs' codes: each rule's outcome with its trace.") { program, situationFile, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await CodesCommands.ReadDocumentAsync(parseResult.GetValue(situationFile)!, error, cancellationToken) is not { } text)
            {
                return PeerEthicsCommandLine.UsageError;
            }

            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(text.TrimStart('\uFEFF'));
            }
            catch (JsonException e)
            {
                await error.WriteLineAsync($"peerethics: {parseResult.GetValue(situationFile)!.Name} is not valid JSON (line {e.LineNumber + 1}).");
                return PeerEthicsCommandLine.UsageError;
            }

            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var evaluator = scope.ServiceProvider.GetRequiredService<SituationEvaluator>();
            var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            SituationReadResult read;
            using (json)
            {
                read = SituationReader.FromJson(json.RootElement, today);
            }

            if (read.Situation is not { } situation)
            {
                foreach (var (field, messages) in read.Errors)
                {
                    await error.WriteLineAsync($"peerethics: {field}: {string.Join(" ", messages)}");
                }

                return PeerEthicsCommandLine.UsageError;
            }

            var programs = parseResult.GetValue(program) ?? [];
            var known = await evaluator.ProgramsAsync(cancellationToken);
            if (programs.FirstOrDefault(p => known.All(k => k.Slug != p)) is { } unknown)
            {
                await error.WriteLineAsync($"peerethics: there is no program '{unknown}'. The programs are: {string.Join(", ", known.Select(k => k.Slug))}.");
                return PeerEthicsCommandLine.UsageError;
            }

            var evaluations = await evaluator.EvaluateAsync(situation, programs, cancellationToken);
            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new EvaluateResponse(situation, evaluations), CodeExporter.ReadableJson));
            }
            else
            {
                await WriteTextAsync(output, situation, evaluations);
            }

            return 0;
        });
        return command;
    }

    private static Command Check(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A rule file (YAML), such as content/codes/massachusetts-cps.rules.yaml." };
        var command = new Command("check", "Check a rule file: its YAML, facts, parameters, and the principles it cites in the code's stored versions. Stores nothing.") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var info = parseResult.GetValue(file)!;
            if (await CodesCommands.ReadDocumentAsync(info, error, cancellationToken) is not { } yaml)
            {
                return PeerEthicsCommandLine.UsageError;
            }

            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var (ruleFile, errors) = await scope.ServiceProvider.GetRequiredService<RuleSetStore>().CheckAsync(yaml.TrimStart('\uFEFF'), null, cancellationToken);
            if (ruleFile is null)
            {
                foreach (var e in errors)
                {
                    await error.WriteLineAsync($"{info.Name}, {e}");
                }

                return 1;
            }

            await output.WriteLineAsync(
                $"{info.Name}: valid. {ruleFile.Rules.Count} rules and {ruleFile.Parameters.Count} parameters for {ruleFile.Code}, version{(ruleFile.CodeVersions.Count == 1 ? "" : "s")} {string.Join(", ", ruleFile.CodeVersions)}.");
            return 0;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, Situation situation, IReadOnlyList<ProgramEvaluation> evaluations)
    {
        await output.WriteLineAsync($"Situation: {situation.Kind} on {situation.Date:yyyy-MM-dd}{(situation.Description is { } d ? $" — {d}" : "")}");
        foreach (var evaluation in evaluations)
        {
            await output.WriteLineAsync();
            var code = evaluation.CodeVersion;
            await output.WriteLineAsync($"{evaluation.ProgramName} ({evaluation.Program})");
            await output.WriteLineAsync($"  Code: {code.Code} version {code.Version}, sha256 {code.ContentHash}; rule set {(evaluation.RuleSet is { } r ? $"version {r.Version}, sha256 {r.ContentHash}" : "none")}");
            await output.WriteLineAsync($"  Outcome: {evaluation.OutcomeText}. {evaluation.Summary}");
            foreach (var rule in evaluation.Rules)
            {
                await output.WriteLineAsync($"  [{Outcomes.Name(rule.Outcome)}] {rule.Rule}: {rule.About}");
                await output.WriteLineAsync($"    Why: {rule.Reason}");
                foreach (var principle in rule.Trace.Principles)
                {
                    await output.WriteLineAsync($"    Principle {principle.Label} \"{principle.Text}\"");
                }

                await output.WriteLineAsync($"    Facts: {string.Join("; ", rule.Trace.Facts.Select(f => $"{f.Fact} = {f.Value}"))}");
                foreach (var parameter in rule.Trace.Parameters)
                {
                    await output.WriteLineAsync(
                        $"    Parameter {parameter.Parameter} = {parameter.Value} (from {parameter.From:yyyy-MM-dd}{(parameter.ToConfirm ? ", program setting to confirm" : "")}; source: {parameter.Source})");
                }

                foreach (var step in rule.Trace.Steps)
                {
                    await output.WriteLineAsync($"    - {step}");
                }
            }

            foreach (var principle in evaluation.CannotBeChecked)
            {
                await output.WriteLineAsync($"  Applies, cannot be checked by rule: principle {principle.Label} \"{principle.Text}\"");
            }
        }
    }
}
