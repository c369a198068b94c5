using System.Text.Json;
using PeerEthics.Rules;

namespace PeerEthics.Disclosures;

/// <summary>
/// A program's evaluation as stored with a disclosure: the whole <see cref="ProgramEvaluation"/> (each rule's outcome,
/// reason and trace, the quoted principles, the code version and rule set with their hashes) as JSON, read back as it
/// was written, whatever the rules say today.
/// </summary>
public static class StoredEvaluation
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static DisclosureEvaluation From(ProgramEvaluation evaluation) => new()
    {
        Program = evaluation.Program,
        Code = evaluation.CodeVersion.Code,
        CodeVersion = evaluation.CodeVersion.Version,
        CodeContentHash = evaluation.CodeVersion.ContentHash,
        RuleSetVersion = evaluation.RuleSet?.Version,
        RuleSetHash = evaluation.RuleSet?.ContentHash,
        Outcome = evaluation.Outcome,
        Result = JsonSerializer.Serialize(evaluation, Options),
    };

    public static ProgramEvaluation Read(string json) =>
        JsonSerializer.Deserialize<ProgramEvaluation>(json, Options) ?? throw new InvalidOperationException("A stored evaluation is empty.");
}
