using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;

namespace PeerEthics.Codes;

/// <summary>
/// The public shape of a code document, shared by the API, the command line and JSON export:
/// <c>{ title, issuer, preamble, sections, principles: [{ label, text, section, themes }], pledge, revisions, otherText, warnings }</c>.
/// </summary>
public sealed record CodeDocumentJson(
    string? Title,
    string? Issuer,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<string> Sections,
    IReadOnlyList<PrincipleJson> Principles,
    PledgeJson? Pledge,
    IReadOnlyList<RevisionJson> Revisions,
    IReadOnlyList<string> AlsoBinds,
    IReadOnlyList<string> OtherText,
    IReadOnlyList<WarningJson> Warnings)
{
    public static CodeDocumentJson From(ParsedCode code, ThemeTagger tagger) => From(code, code.Principles.Select(p => tagger.Tag(p.Text)).ToList());

    public static CodeDocumentJson From(ParsedCode code, IReadOnlyList<IReadOnlyList<ThemeTag>> themesByPrinciple) => new(
        code.Title,
        code.Issuer,
        code.Preamble,
        [.. code.Sections.Select(s => s.Heading)],
        [.. code.Principles.Select((p, i) => new PrincipleJson(
            p.Label, p.LabelSynthesized, p.Text, p.Section, p.LeadIn, p.Parent, [.. themesByPrinciple[i].Select(t => t.Theme)]))],
        code.Pledge is { } pledge ? new PledgeJson(pledge.Text, pledge.Statement, pledge.Blanks) : null,
        [.. code.Revisions.Select(r => new RevisionJson(r.Year, r.Note))],
        code.AlsoBinds,
        code.OtherText,
        [.. code.Warnings.Select(w => new WarningJson(w.Line, w.Message))]);
}

public sealed record PrincipleJson(string Label, bool LabelSynthesized, string Text, string? Section, string? LeadIn, string? Parent, IReadOnlyList<string> Themes);

public sealed record PledgeJson(string Text, string Statement, IReadOnlyList<string> Blanks);

public sealed record RevisionJson(int Year, string Note);

public sealed record WarningJson(int Line, string Message);
