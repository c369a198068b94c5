using System.Globalization;
using System.Text;

namespace PeerEthics.Ledger.Pledges;

/// <summary>The outcome of comparing a typed name with the record; <see cref="Message"/> says what to do when they differ.</summary>
public sealed record NameMatch(bool Matches, string? Message)
{
    public static readonly NameMatch Match = new(true, null);
}

/// <summary>
/// Whether a typed name is the name on the person's record. Differences that are not differences in the
/// name are ignored: letter case, spaces (any kind, any number, at either end), Unicode forms that look and
/// mean the same (NFKC: a composed "é" and "e" + combining accent, full-width letters, ligatures), and
/// apostrophe and hyphen variants phones and keyboards substitute (’ for ', ‐ for -). Accents are not
/// ignored: "Jose" and "José" are different spellings of a name, and a signature in someone's name should be
/// their name. When only accents differ, the message says so, kindly, so the person knows exactly what to fix.
/// </summary>
public static class NameMatcher
{
    public static NameMatch Compare(string? typed, string recordName)
    {
        var want = Normalize(recordName);
        var got = Normalize(typed ?? "");
        if (got.Length == 0)
        {
            return new NameMatch(false, $"Type your full name to sign. It must match the name on your record: {recordName.Trim()}.");
        }

        if (string.Equals(got, want, StringComparison.Ordinal))
        {
            return NameMatch.Match;
        }

        if (string.Equals(StripAccents(got), StripAccents(want), StringComparison.Ordinal))
        {
            return new NameMatch(false,
                $"The name you typed differs from the name on your record only in its accents. Type it as it is on your record: {recordName.Trim()}. " +
                "If your record is spelled wrong, ask your program's registrar to correct it before you sign.");
        }

        return new NameMatch(false,
            $"The name you typed does not match the name on your record. Type your full name as it is on your record: {recordName.Trim()}. " +
            "Capital letters and spaces do not matter. If your record is wrong, ask your program's registrar to correct it before you sign.");
    }

    /// <summary>NFKC, one space between words, lower case (invariant), apostrophes and hyphens unified.</summary>
    public static string Normalize(string name)
    {
        var text = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u2060' or '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '\u02B9' or '`' => '\'',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
