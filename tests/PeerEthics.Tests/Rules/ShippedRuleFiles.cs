using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;
using PeerEthics.Rules;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Rules;

/// <summary>The shipped rule files and code documents, read without a database, ready to evaluate.</summary>
public static class ShippedRuleFiles
{
    private static readonly ThemeTagger Tagger = new(ThemeTaxonomy.LoadShipped());

    public static string PathOf(string code) => Path.Combine(AppContext.BaseDirectory, "content", "codes", $"{code}.rules.yaml");

    public static string Text(string code) => File.ReadAllText(PathOf(code));

    public static RuleFile Read(string code)
    {
        var read = RuleFileReader.Read(Text(code));
        Assert.True(read.IsValid, string.Join(Environment.NewLine, read.Errors));
        return read.File!;
    }

    public static IReadOnlyList<PrincipleText> Principles(string code) =>
        [.. CodeDocumentParser.Parse(Seeds.Text(code)).Principles.Select(p => new PrincipleText(p.Label, p.Text))];

    public static EvaluationContext Context(string code, RuleFile? rules = null)
    {
        var principles = Principles(code);
        return new EvaluationContext(
            code,
            code,
            new CodeVersionReference(code, 1, CodeText.Hash(Seeds.Text(code)), code),
            principles,
            [.. principles.Select(p => (IReadOnlyList<string>)[.. Tagger.Tag(p.Text).Select(t => t.Theme)])],
            new RuleSetReference(1, "test"),
            rules ?? Read(code));
    }

    public static ProgramEvaluation Evaluate(string code, Situation situation) => RuleEvaluator.Evaluate(Context(code), situation);
}
