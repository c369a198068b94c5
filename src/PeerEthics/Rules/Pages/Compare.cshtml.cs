using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerEthics.Rules.Pages;

/// <summary>
/// <c>/rules/compare</c>: one situation, evaluated under every program's code side by side, each rule with
/// its trace. The form posts (the facts can be sensitive, so they stay out of addresses and history);
/// nothing is stored. Public (see Web/Security/PublicEndpoints).
/// </summary>
public sealed class RulesCompareModel(SituationEvaluator evaluator, TimeProvider clock) : PageModel
{
    /// <summary>What the person entered, by field name, re-shown as entered.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public Situation? Situation { get; private set; }

    public IReadOnlyList<ProgramEvaluation> Evaluations { get; private set; } = [];

    public IReadOnlyList<ProgramChoice> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Programs = await evaluator.ProgramsAsync(cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Programs = await evaluator.ProgramsAsync(cancellationToken);
        foreach (var field in SituationForm.Fields)
        {
            Values[field] = Request.Form.TryGetValue(field, out var value) ? value.ToString() : null;
        }

        var read = SituationReader.FromFields(Values, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Errors = read.Errors;
        if (read.Situation is { } situation)
        {
            Situation = situation;
            Evaluations = await evaluator.EvaluateAsync(situation, null, cancellationToken);
        }
    }

    public string? Value(string field) => Values.TryGetValue(field, out var value) ? value : null;

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
