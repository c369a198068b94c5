using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Codes;
using PeerEthics.Data;

namespace PeerEthics.Rules;

public sealed record ProgramChoice(string Slug, string Name, string Code);

/// <summary>
/// Evaluates a situation under programs' codes: for each program, the code version in force on the
/// situation's date, the newest rule set that reads that version, and the principles (with their themes)
/// quoted from the stored version.
/// </summary>
public sealed class SituationEvaluator(PeerEthicsDb db, CodeReader codes, RuleFileCache cache)
{
    public async Task<IReadOnlyList<ProgramChoice>> ProgramsAsync(CancellationToken cancellationToken = default) =>
        await db.Programs.AsNoTracking().OrderBy(p => p.Slug).Select(p => new ProgramChoice(p.Slug, p.Name, p.Code.Slug)).ToListAsync(cancellationToken);

    /// <summary>Evaluates under the given programs (all, when none are given), in the order given.</summary>
    public async Task<IReadOnlyList<ProgramEvaluation>> EvaluateAsync(Situation situation, IReadOnlyList<string>? programs = null, CancellationToken cancellationToken = default)
    {
        var all = await ProgramsAsync(cancellationToken);
        var chosen = programs is { Count: > 0 }
            ? [.. programs.Distinct().Select(slug => all.FirstOrDefault(p => p.Slug == slug) ?? throw new ArgumentException($"There is no program '{slug}'.", nameof(programs)))]
            : all;
        var results = new List<ProgramEvaluation>();
        foreach (var program in chosen)
        {
            results.Add(await EvaluateAsync(program, situation, cancellationToken));
        }

        return results;
    }

    private async Task<ProgramEvaluation> EvaluateAsync(ProgramChoice program, Situation situation, CancellationToken cancellationToken)
    {
        var current = await codes.GetAsync(program.Code, null, cancellationToken)
            ?? throw new InvalidOperationException($"The program {program.Slug} has no published code.");
        var number = CodeReader.InForceOn(current.AllVersions, situation.Date)!.Number;
        var view = number == current.Version.Number ? current : (await codes.GetAsync(program.Code, number, cancellationToken))!;
        var version = new CodeVersionReference(program.Code, view.Version.Number, view.Version.ContentHash, view.Version.Title);

        var ruleSets = await db.RuleSets.AsNoTracking()
            .Where(r => r.Code.Slug == program.Code)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.ContentHash, r.CodeVersions, r.Yaml })
            .ToListAsync(cancellationToken);
        var ruleSet = ruleSets.FirstOrDefault(r => RuleSet.VersionNumbers(r.CodeVersions).Contains(number));
        var context = new EvaluationContext(
            program.Slug,
            program.Name,
            version,
            [.. view.Document.Principles.Select(p => new PrincipleText(p.Label, p.Text))],
            [.. view.Themes.Select(tags => (IReadOnlyList<string>)[.. tags.Select(t => t.Theme)])],
            ruleSet is null ? null : new RuleSetReference(ruleSet.Number, ruleSet.ContentHash),
            ruleSet is null ? null : cache.Get(ruleSet.ContentHash, ruleSet.Yaml));
        return RuleEvaluator.Evaluate(context, situation);
    }
}

/// <summary>Saved rule sets never change, so each is read once per process, by its hash.</summary>
public sealed class RuleFileCache
{
    private readonly ConcurrentDictionary<string, RuleFile> _files = new(StringComparer.Ordinal);

    public RuleFile Get(string hash, string yaml) => _files.GetOrAdd(hash, _ =>
        RuleFileReader.Read(yaml) is { IsValid: true, File: { } file }
            ? file
            : throw new InvalidOperationException($"The saved rule set {hash} no longer reads: {string.Join(" ", RuleFileReader.Read(yaml).Errors)}"));
}
