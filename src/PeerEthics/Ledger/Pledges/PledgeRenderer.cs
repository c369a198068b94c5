using System.Text.RegularExpressions;
using PeerEthics.Codes.Import;

namespace PeerEthics.Ledger.Pledges;

/// <summary>Where the pledge a person signs comes from.</summary>
public enum PledgeSource
{
    /// <summary>The code prints its own pledge (Massachusetts: "I ___ fully understand…").</summary>
    Code,

    /// <summary>The code prints none (Missouri): the program's template.</summary>
    ProgramTemplate,
}

/// <summary>The pledge exactly as it is shown and signed, with the person's name in it.</summary>
public sealed record RenderedPledge(string Text, PledgeSource Source);

/// <summary>
/// Fills the person's name into the pledge of a code version. A code's own pledge is its statement (the
/// sentence committed to, without the signature and date lines, which the signing itself replaces) with each
/// blank filled by what it asks for: the name, or the program for a "Program: ____" blank. A blank nothing
/// answers stays as printed. A code without a pledge uses the program's template.
/// </summary>
public static partial class PledgeRenderer
{
    public static RenderedPledge Render(ParsedPledge? codePledge, string programTemplate, string personName, string programName, string codeTitle)
    {
        var name = personName.Trim();
        if (codePledge is null || string.IsNullOrWhiteSpace(codePledge.Statement))
        {
            return new RenderedPledge(PledgeTemplate.Fill(programTemplate, name, programName, codeTitle), PledgeSource.ProgramTemplate);
        }

        var statement = codePledge.Statement;
        var blank = 0;
        var filled = Blank().Replace(statement, match =>
        {
            var asks = blank < codePledge.Blanks.Count ? codePledge.Blanks[blank] : "blank";
            blank++;
            return asks switch
            {
                "name" => name,
                "program" or "cohort" => programName,
                _ => match.Value,
            };
        });

        // "I (print name) …" and "I [name] …" print no blank: the caption in brackets is the place.
        filled = NameCaption().Replace(filled, name, 1);
        return new RenderedPledge(Collapse(filled), PledgeSource.Code);
    }

    // "I _____ fully" filled becomes "I Jane Doe fully"; runs of spaces left by the blank go.
    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"_{2,}|\.{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex Blank();

    [GeneratedRegex(@"[(\[](?:print(?:ed)? )?(?:full )?name[)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameCaption();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
