namespace PeerEthics.Codes.Import;

/// <summary>
/// A code of ethics document read into structure. <see cref="Elements"/> is the lossless account of the
/// source: every word of the source appears, in order, in exactly one element. The other members are views
/// over those elements (principles, pledge) or facts read from them (issuer, revisions, who else is bound).
/// </summary>
public sealed record ParsedCode(
    string? Title,
    string? Issuer,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<ParsedSection> Sections,
    IReadOnlyList<ParsedPrinciple> Principles,
    ParsedPledge? Pledge,
    IReadOnlyList<ParsedRevision> Revisions,
    IReadOnlyList<string> AlsoBinds,
    IReadOnlyList<string> OtherText,
    IReadOnlyList<ImportWarning> Warnings,
    IReadOnlyList<CodeElement> Elements);

/// <summary>What part of a code document an element is.</summary>
public enum ElementKind
{
    Title,
    Preamble,
    SectionHeading,
    LeadIn,
    Principle,
    Pledge,
    RevisionNote,
    OtherText,
}

/// <summary>
/// One element of the document, in document order. <see cref="Text"/> holds every word the source has for
/// it — for a principle, its printed label followed by its text — with line wraps joined by a space and
/// paragraph breaks kept as a blank line. <see cref="Line"/> is the 1-based source line where it starts.
/// </summary>
public sealed record CodeElement(ElementKind Kind, string Text, int Line);

/// <summary>A heading that groups principles ("Principle: Conduct", "III. Fundamental Ethics and Boundaries").</summary>
public sealed record ParsedSection(string Heading, int Line);

/// <summary>
/// One principle. <see cref="Label"/> is exactly as printed ("13.", "I – b.", "10…"), or synthesized for a
/// bullet or an unnumbered headed principle, in which case <see cref="LabelSynthesized"/> is true.
/// <see cref="Text"/> excludes the label. <see cref="LeadIn"/> is the sentence that introduces the list the
/// principle belongs to ("As a Peer Recovery professional, I will:"), <see cref="Parent"/> the label of the
/// principle a lettered sub-item belongs to.
/// </summary>
public sealed record ParsedPrinciple(
    string Label,
    bool LabelSynthesized,
    string Text,
    string? Section,
    string? LeadIn,
    string? Parent,
    int Line);

/// <summary>
/// The signature statement. <see cref="Text"/> is the whole pledge as printed (statement and signature
/// lines); <see cref="Statement"/> the sentence the person commits to; <see cref="Blanks"/> what each blank
/// in the printed pledge asks for, in order ("name", "signature", "date").
/// </summary>
public sealed record ParsedPledge(string Text, string Statement, IReadOnlyList<string> Blanks);

/// <summary>A year in the document's revision history and what the text says of it.</summary>
public sealed record ParsedRevision(int Year, string Note);

/// <summary>Something a careful reader should check: the document was read, but not cleanly.</summary>
public sealed record ImportWarning(int Line, string Message);
