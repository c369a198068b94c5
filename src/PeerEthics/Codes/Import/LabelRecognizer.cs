using System.Globalization;
using System.Text.RegularExpressions;

namespace PeerEthics.Codes.Import;

/// <summary>How a list numbers its items. Two labels belong to the same list only when their styles agree.</summary>
internal enum LabelStyle
{
    Arabic,
    RomanUpper,
    RomanLower,
    LetterUpper,
    LetterLower,

    /// <summary>A major and a minor part: "I – b.", "2-a)", and decimal outlines "1.2".</summary>
    Compound,

    /// <summary>A word and a number: "Principle 1:", "Standard IV.".</summary>
    Prefixed,
    Bullet,
}

/// <summary>
/// One way to read the start of a line as a label. "I." yields two candidates (roman one, letter nine); the
/// sequence decides which, if either, it is. <see cref="Key"/> separates lists that share a style but not a
/// shape ("1." and "1)" and "(1)"); <see cref="Value"/> is the position in the list (the minor part for
/// compound labels, whose major part is <see cref="Major"/>); <see cref="TextStart"/> is where the text begins.
/// </summary>
internal readonly record struct LabelCandidate(LabelStyle Style, string Key, int Value, int Major, string Printed, int TextStart);

/// <summary>
/// Finds the label candidates at the start of a normalized line. Judges shape only, never plausibility.
/// One anchored regular expression finds how long the label is; the matched characters are then read by hand,
/// which allocates nothing for the many lines that are not labels and little for those that are.
/// </summary>
internal static partial class LabelRecognizer
{
    private static readonly string[] _prefixes = ["Principle", "Standard", "Rule", "Article", "Section", "Canon", "Value"];

    public static int Recognize(string line, Span<LabelCandidate> candidates)
    {
        var length = 0;
        foreach (var match in Label().EnumerateMatches(line))
        {
            length = match.Length;
            break;
        }

        if (length == 0)
        {
            return 0;
        }

        var label = line.AsSpan(0, length);
        var textStart = Math.Min(line.Length, length + (length < line.Length && line[length] == ' ' ? 1 : 0));
        if (length == 1)
        {
            // A bullet needs words after it: "* * *" and "- -" are rules, not items.
            return TextShape.HasLetterOrDigit(line.AsSpan(textStart))
                ? Add(candidates, 0, new LabelCandidate(LabelStyle.Bullet, BulletKey(line[0]), 1, 0, line[..1], textStart))
                : 0;
        }

        var printed = line[..length];
        if (label[0] == '(')
        {
            return Numerals(label[1..^1], "()", printed, textStart, allowLetters: true, candidates);
        }

        if (char.IsLetter(label[0]) && label.IndexOf(' ') is var space and > 1 && IsPrefix(label[..space]))
        {
            // "Principle 1:", "Standard IV –": the numeral runs to the delimiter or the space before a dash.
            var rest = label[(space + 1)..];
            var end = rest.IndexOfAny(" .:)");
            var value = NumeralValue(end < 0 ? rest : rest[..end]);
            return value > 0
                ? Add(candidates, 0, new LabelCandidate(LabelStyle.Prefixed, string.Concat("p", label[..space]), value, 0, printed, textStart))
                : 0;
        }

        var dash = label[1..].IndexOfAny("-–—");
        if (dash >= 0)
        {
            // "I – b.", "2-a)": major, dash, minor, delimiter.
            var major = NumeralValue(label[..(dash + 1)].TrimEnd(' '));
            var minor = label[(dash + 2)..^1].TrimStart(' ');
            var minorValue = char.IsDigit(minor[0]) ? ParseInt(minor) : minor[0] - 'a' + 1;
            var key = char.IsDigit(minor[0]) ? (label[^1] == '.' ? "c1." : "c1)") : (label[^1] == '.' ? "ca." : "ca)");
            return major > 0 && minorValue > 0
                ? Add(candidates, 0, new LabelCandidate(LabelStyle.Compound, key, minorValue, major, printed, textStart))
                : 0;
        }

        var delimiterStart = label.IndexOfAny(".)…:");
        if (delimiterStart + 1 < label.Length && char.IsDigit(label[delimiterStart + 1]))
        {
            // A decimal outline, "1.2" or "1.2.": item 2 under item 1.
            var minorEnd = label[^1] == '.' ? label.Length - 1 : label.Length;
            var major = ParseInt(label[..delimiterStart]);
            var minor = ParseInt(label[(delimiterStart + 1)..minorEnd]);
            return major > 0 && minor > 0
                ? Add(candidates, 0, new LabelCandidate(LabelStyle.Compound, "d.", minor, major, printed, textStart))
                : 0;
        }

        var delimiter = label[delimiterStart..] switch
        {
            "." => ".",
            ")" => ")",
            "…" or "..." => "…",
            ":" => ":",
            _ => ".)",
        };
        return Numerals(label[..delimiterStart], delimiter, printed, textStart, allowLetters: delimiter is not ":", candidates);
    }

    private static int Numerals(ReadOnlySpan<char> numeral, string delimiter, string printed, int textStart, bool allowLetters, Span<LabelCandidate> candidates)
    {
        if (char.IsDigit(numeral[0]))
        {
            var value = ParseInt(numeral);
            return value > 0 ? Add(candidates, 0, new LabelCandidate(LabelStyle.Arabic, Key('1', delimiter), value, 0, printed, textStart)) : 0;
        }

        var count = 0;
        var upper = char.IsUpper(numeral[0]);
        var roman = Roman.Parse(numeral);
        if (roman > 0)
        {
            count = Add(candidates, count, new LabelCandidate(upper ? LabelStyle.RomanUpper : LabelStyle.RomanLower, Key(upper ? 'I' : 'i', delimiter), roman, 0, printed, textStart));
        }

        if (allowLetters && numeral.Length == 1)
        {
            var value = char.ToLowerInvariant(numeral[0]) - 'a' + 1;
            count = Add(candidates, count, new LabelCandidate(upper ? LabelStyle.LetterUpper : LabelStyle.LetterLower, Key(upper ? 'A' : 'a', delimiter), value, 0, printed, textStart));
        }

        return count;
    }

    private static int NumeralValue(ReadOnlySpan<char> numeral)
    {
        if (numeral.IsEmpty)
        {
            return 0;
        }

        if (char.IsDigit(numeral[0]))
        {
            return ParseInt(numeral);
        }

        // Single letters other than I, V, X, L, C are letters; roman numerals are the usual major part.
        var roman = Roman.Parse(numeral);
        return roman > 0 ? roman : numeral.Length == 1 && char.IsAsciiLetter(numeral[0]) ? char.ToLowerInvariant(numeral[0]) - 'a' + 1 : 0;
    }

    private static int ParseInt(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static bool IsPrefix(ReadOnlySpan<char> word)
    {
        foreach (var prefix in _prefixes)
        {
            if (word.SequenceEqual(prefix))
            {
                return true;
            }
        }

        return false;
    }

    // Keys are compared for every label line; shared instances keep that free of allocations.
    private static string Key(char kind, string delimiter) => (kind, delimiter) switch
    {
        ('1', ".") => "1.",
        ('1', ")") => "1)",
        ('1', "()") => "1()",
        ('1', "…") => "1…",
        ('a', ".") => "a.",
        ('a', ")") => "a)",
        ('a', "()") => "a()",
        ('A', ".") => "A.",
        ('A', "()") => "A()",
        ('i', ".") => "i.",
        ('i', "()") => "i()",
        ('I', ".") => "I.",
        _ => string.Concat(kind.ToString(), delimiter),
    };

    private static string BulletKey(char glyph) => glyph switch
    {
        '-' => "b-",
        '•' => "b•",
        '*' => "b*",
        _ => string.Concat("b", glyph.ToString()),
    };

    private static int Add(Span<LabelCandidate> candidates, int count, LabelCandidate candidate)
    {
        if (count < candidates.Length)
        {
            candidates[count] = candidate;
            return count + 1;
        }

        return count;
    }

    // The shapes of a label, anchored at the line start. The text is already normalized to single spaces, so a
    // label ends at a space or the end of the line; "1.The" (no space) is accepted only after digits.
    [GeneratedRegex("""
        ^(?:
            \((?:\d{1,3}|[ivxlc]{1,7}|[IVXLC]{1,7}|[A-Za-z])\)
          | (?:\d{1,3}|[IVXLC]{1,7}|[A-Z])\ ?[-–—]\ ?(?:\d{1,3}|[a-z])[.)]
          | \d{1,3}\.\d{1,3}\.?
          | (?:Principle|Standard|Rule|Article|Section|Canon|Value)\ (?:\d{1,3}|[IVXLC]{1,7}|[A-Z])(?:[.:)]|\ [-–—])
          | (?:\d{1,3}|[IVXLC]{1,7}|[ivxlc]{1,7}|[A-Za-z])(?:\.\)|\.\.\.|[.)…:])
          | [-•*·◦▪‣○●■□➢►–—]
        )(?=\ |$|(?<=\d\.)\p{Lu})
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}

/// <summary>Strict roman numerals I–CCCXCIX: "IIII" and "VX" are not numerals, so they are not labels.</summary>
internal static class Roman
{
    public static int Parse(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 9)
        {
            return 0;
        }

        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = Digit(text[i]);
            if (value == 0)
            {
                return 0;
            }

            var next = i + 1 < text.Length ? Digit(text[i + 1]) : 0;
            total += value < next ? -value : value;
        }

        if (total is <= 0 or >= 400)
        {
            return 0;
        }

        // Canonical form only: write the value back out and compare, case-insensitively (case was checked by the pattern).
        Span<char> canonical = stackalloc char[16];
        var length = 0;
        var rest = total;
        foreach (var (step, numeral) in _table)
        {
            while (rest >= step)
            {
                numeral.AsSpan().CopyTo(canonical[length..]);
                length += numeral.Length;
                rest -= step;
            }
        }

        return text.Equals(canonical[..length], StringComparison.OrdinalIgnoreCase) ? total : 0;
    }

    private static readonly (int Value, string Numeral)[] _table =
    [
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    private static int Digit(char c) => char.ToUpperInvariant(c) switch
    {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };
}
