using System.Text.RegularExpressions;

namespace PeerEthics.Codes.Import;

/// <summary>
/// What a line looks like, judged the way a reader skims a page: does it end a sentence, is it a heading,
/// a page number, a blank to fill in. Every judgement is local to the line, so the parser stays linear.
/// </summary>
internal static partial class TextShape
{
    // Headings that introduce front matter rather than a group of principles.
    private static readonly HashSet<string> _frontMatterHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "preamble", "introduction", "purpose", "background", "overview", "scope", "foreword", "definitions",
        "acknowledgments", "acknowledgements", "history", "revision history", "contents", "table of contents",
        "mission", "mission statement", "vision", "about this code", "code of ethics", "ethics",
    };

    /// <summary>True when the line ends a sentence or clause, so a label on the next line is not a wrapped number.</summary>
    public static bool EndsSentence(string text)
    {
        var end = text.Length - 1;
        while (end >= 0 && text[end] is ')' or ']' or '"' or '\'' or '”' or '’' or '»' or '*' or '†')
        {
            end--;
        }

        return end >= 0 && text[end] is '.' or '!' or '?' or ';' or ':' or '…';
    }

    public static int CountWords(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var words = 1;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                words++;
            }
        }

        return words;
    }

    /// <summary>
    /// A short line that names something rather than says something: "SUPERVISION", "Principle: Conduct",
    /// "Fundamental Ethics and Boundaries", "Respect for persons". Not a sentence, not a lead-in (no final colon).
    /// </summary>
    public static bool IsHeadingLike(string text)
    {
        if (text.Length is 0 or > 90 || HasBlank(text))
        {
            return false;
        }

        var first = FirstLetterOrDigit(text);
        if (first < 0 || !char.IsUpper(text[first]))
        {
            return false;
        }

        var last = text[^1];
        if (last is '.' or ',' or ';' or '!' or '?' or ':' or '…')
        {
            return false;
        }

        var words = CountWords(text);
        if (words > 10)
        {
            return false;
        }

        if (words <= 4)
        {
            return true;
        }

        // Longer headings are Title Case or ALL CAPS; a sentence of the same length is mostly lower case.
        var significant = 0;
        var capitalized = 0;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            var letter = FirstLetterOrDigit(word);
            if (letter < 0 || word.Length - letter <= 3)
            {
                continue;
            }

            significant++;
            if (!char.IsLower(word[letter]))
            {
                capitalized++;
            }
        }

        return significant == 0 || capitalized * 10 >= significant * 7;
    }

    /// <summary>Heading-like and in capitals throughout ("SUPERVISION:"), which a trailing colon does not make a lead-in.</summary>
    public static bool IsCapitalsHeading(string text)
    {
        var body = text.TrimEnd(':');
        var letters = 0;
        foreach (var c in body)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 2 && body.Length <= 60 && !HasBlank(body);
    }

    public static bool IsFrontMatterHeading(string text) => _frontMatterHeadings.Contains(text.TrimEnd(':', '.', ' '));

    /// <summary>A printed blank to fill in: a run of underscores or of dots.</summary>
    public static bool HasBlank(string text) => text.Contains("__", StringComparison.Ordinal) || text.Contains(".....", StringComparison.Ordinal);

    /// <summary>"Page 2", "Page 2 of 3", "- 2 -", "2/3", a lone number: page furniture, not content.</summary>
    public static bool IsPageMarker(string text) => text.Length <= 20 && PageMarker().IsMatch(text);

    public static bool StartsLowercase(string text)
    {
        var first = FirstLetterOrDigit(text);
        return first >= 0 && char.IsLower(text[first]);
    }

    public static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstLetterOrDigit(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length && i < 4; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(?:page ?\d{1,4}(?: ?(?:of|/) ?\d{1,4})?|[-–—]? ?\d{1,4} ?[-–—]?|\d{1,4} ?(?:of|/) ?\d{1,4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageMarker();
}
