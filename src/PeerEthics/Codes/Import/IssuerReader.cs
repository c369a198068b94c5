using System.Text.RegularExpressions;

namespace PeerEthics.Codes.Import;

/// <summary>
/// Finds the body that issues the code, where the text names one: at the head of the title ("Missouri
/// Department of Mental Health Certified Missouri Peer Specialist Code of Ethics") or in an explicit
/// "Issued by …" line. Authorship ("Written and approved by …") is history, not issuance, so it is not read.
/// </summary>
internal static partial class IssuerReader
{
    private static readonly HashSet<string> _organizations = new(StringComparer.Ordinal)
    {
        "Department", "Dept.", "Office", "Division", "Bureau", "Ministry", "Administration", "Agency", "Commission",
        "Board", "Council", "Authority", "Association", "Alliance", "Coalition", "Network", "Institute", "Federation",
        "Society", "Consortium", "Collaborative", "Center", "Centre",
    };

    // Words that begin the code's own name, so the issuer's name has ended.
    private static readonly HashSet<string> _codeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Certified", "Peer", "Code", "Ethics", "Ethical", "Standards", "Principles", "Specialist", "Specialists",
        "Credential", "Credentialed", "Registered", "Licensed", "Guidelines", "Conduct",
    };

    // Words that make a title the name of a code rather than of an organization.
    private static readonly HashSet<string> _namesACode = new(StringComparer.OrdinalIgnoreCase)
    {
        "Code", "Ethics", "Ethical", "Standards", "Principles", "Conduct", "Guidelines", "Certified",
    };

    private static readonly HashSet<string> _connectors = new(StringComparer.Ordinal) { "of", "and", "&", "for", "the", "on" };

    public static string? FromTitle(IReadOnlyList<string> titleLines)
    {
        if (titleLines.Count == 0)
        {
            return null;
        }

        // A title over several lines whose first line is only the organization.
        if (titleLines.Count > 1 && Prefix(titleLines[0].Split(' '), allowWhole: true) is { } whole)
        {
            return whole;
        }

        return Prefix(string.Join(' ', titleLines).Split(' '), allowWhole: false);
    }

    public static string? FromStatement(string line)
    {
        var match = IssuedBy().Match(line);
        return match.Success ? match.Groups["org"].Value.TrimEnd('.', ',', ';') : null;
    }

    private static string? Prefix(string[] words, bool allowWhole)
    {
        var keyword = -1;
        for (var i = 0; i < words.Length && i < 8; i++)
        {
            if (_organizations.Contains(words[i]))
            {
                keyword = i;
                break;
            }

            if (_codeWords.Contains(words[i]) || !IsNameWord(words[i]))
            {
                return null;
            }
        }

        if (keyword < 0)
        {
            return null;
        }

        // A line of its own naming only the organization may contain "Peer" ("Office of Peer Recovery Services"),
        // but not words that name a code, and it does not stop mid-name ("… Mental Health Certified Missouri Peer").
        if (allowWhole && Array.TrueForAll(words, IsNameWord) && !_connectors.Contains(words[^1])
            && !_codeWords.Contains(words[^1]) && !Array.Exists(words, _namesACode.Contains))
        {
            return string.Join(' ', words);
        }

        var end = keyword;
        if (keyword + 1 < words.Length && words[keyword + 1] is "of" or "for" or "on")
        {
            end = keyword + 1;
            while (end + 1 < words.Length && IsNameWord(words[end + 1]) && !_codeWords.Contains(words[end + 1]))
            {
                end++;
            }

            while (end > keyword && _connectors.Contains(words[end]))
            {
                end--;
            }
        }

        var rest = words.AsSpan(end + 1);
        if (rest.Length == 0 ? !allowWhole : !NamesACode(rest))
        {
            return null;
        }

        return string.Join(' ', words[..(end + 1)]);
    }

    private static bool IsNameWord(string word) =>
        _connectors.Contains(word) || (word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0])));

    private static bool NamesACode(ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (_namesACode.Contains(word.Trim(',', '.', ':')))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:Issued|Published|Promulgated) by:? (?:the )?(?<org>[^.;]+?)(?: (?:on|in|effective) .*)?[.;]?$|^Issuer: (?<org>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IssuedBy();
}
