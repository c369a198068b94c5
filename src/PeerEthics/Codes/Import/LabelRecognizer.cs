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

    /// <summary>A major and a minor part: "I – b.", "2-a)".</summary>
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

/// <summary>Finds the label candidates at the start of a normalized line. Judges shape only, never plausibility.</summary>
internal static partial class LabelRecognizer
{
    public static int Recognize(string line, Span<LabelCandidate> candidates)
    {
        if (line.Length < 1)
        {
            return 0;
        }

        var match = Label().Match(line);
        if (!match.Success)
        {
            return 0;
        }

        var printed = match.Value;
        var textStart = Math.Min(line.Length, printed.Length + (printed.Length < line.Length && line[printed.Length] == ' ' ? 1 : 0));
        if (match.Groups["b"].Success)
        {
            // A bullet needs words after it: "* * *" and "- -" are rules, not items.
            return TextShape.HasLetterOrDigit(line.AsSpan(textStart))
                ? Add(candidates, 0, new LabelCandidate(LabelStyle.Bullet, "b" + printed, 1, 0, printed, textStart))
                : 0;
        }

        if (match.Groups["pn"] is { Success: true } parenthesized)
        {
            return Numerals(parenthesized.Value, "()", printed, textStart, allowLetters: true, candidates);
        }

        if (match.Groups["cmaj"] is { Success: true } major)
        {
            var majorValue = NumeralValue(major.Value);
            var minor = match.Groups["cmin"].Value;
            var minorValue = char.IsDigit(minor[0]) ? int.Parse(minor, System.Globalization.CultureInfo.InvariantCulture) : minor[0] - 'a' + 1;
            var key = $"c{(char.IsDigit(minor[0]) ? '1' : 'a')}{match.Groups["cd"].Value}";
            return majorValue > 0 && minorValue > 0
                ? Add(candidates, 0, new LabelCandidate(LabelStyle.Compound, key, minorValue, majorValue, printed, textStart))
                : 0;
        }

        if (match.Groups["pre"] is { Success: true } prefix)
        {
            var value = NumeralValue(match.Groups["pv"].Value);
            var key = $"p{prefix.Value.ToUpperInvariant()}{match.Groups["pd"].Value.Trim()}";
            return value > 0 ? Add(candidates, 0, new LabelCandidate(LabelStyle.Prefixed, key, value, 0, printed, textStart)) : 0;
        }

        var delimiter = match.Groups["d"].Value is "..." ? "…" : match.Groups["d"].Value;
        return Numerals(match.Groups["n"].Value, delimiter, printed, textStart, allowLetters: delimiter is not ":", candidates);
    }

    private static int Numerals(string numeral, string delimiter, string printed, int textStart, bool allowLetters, Span<LabelCandidate> candidates)
    {
        var count = 0;
        if (char.IsDigit(numeral[0]))
        {
            var value = int.Parse(numeral, System.Globalization.CultureInfo.InvariantCulture);
            return value > 0 ? Add(candidates, 0, new LabelCandidate(LabelStyle.Arabic, "1" + delimiter, value, 0, printed, textStart)) : 0;
        }

        var upper = char.IsUpper(numeral[0]);
        var roman = Roman.Parse(numeral);
        if (roman > 0)
        {
            count = Add(candidates, count, new LabelCandidate(upper ? LabelStyle.RomanUpper : LabelStyle.RomanLower, (upper ? "I" : "i") + delimiter, roman, 0, printed, textStart));
        }

        if (allowLetters && numeral.Length == 1)
        {
            var value = char.ToLowerInvariant(numeral[0]) - 'a' + 1;
            count = Add(candidates, count, new LabelCandidate(upper ? LabelStyle.LetterUpper : LabelStyle.LetterLower, (upper ? "A" : "a") + delimiter, value, 0, printed, textStart));
        }

        return count;
    }

    private static int NumeralValue(string numeral)
    {
        if (char.IsDigit(numeral[0]))
        {
            return int.Parse(numeral, System.Globalization.CultureInfo.InvariantCulture);
        }

        // Single letters other than I, V, X, L, C are letters; roman numerals are the usual major part.
        var roman = Roman.Parse(numeral);
        return roman > 0 ? roman : numeral.Length == 1 ? char.ToLowerInvariant(numeral[0]) - 'a' + 1 : 0;
    }

    private static int Add(Span<LabelCandidate> candidates, int count, LabelCandidate candidate)
    {
        if (count < candidates.Length)
        {
            candidates[count] = candidate;
            return count + 1;
        }

        return count;
    }

    // One anchored pattern, tried once per line. The text is already normalized to single spaces, so a label
    // ends at a space or the end of the line; "1.The" (no space) is accepted only after digits.
    [GeneratedRegex("""
        ^(?:
            \((?<pn>\d{1,3}|[ivxlc]{1,7}|[IVXLC]{1,7}|[A-Za-z])\)
          | (?<cmaj>\d{1,3}|[IVXLC]{1,7}|[A-Z])\ ?[-–—]\ ?(?<cmin>\d{1,3}|[a-z])(?<cd>[.)])
          | (?<pre>Principle|Standard|Rule|Article|Section|Canon|Value)\ (?<pv>\d{1,3}|[IVXLC]{1,7}|[A-Z])(?<pd>[.:)]|\ [-–—])
          | (?<n>\d{1,3}|[IVXLC]{1,7}|[ivxlc]{1,7}|[A-Za-z])(?<d>\.\)|\.\.\.|[.)…:])
          | (?<b>[-•*·◦▪‣○●■□➢►–—])
        )(?=\ |$|(?<=\d\.)\p{Lu})
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}

/// <summary>Strict roman numerals I–CCCXCIX: "IIII" and "VX" are not numerals, so they are not labels.</summary>
internal static class Roman
{
    public static int Parse(string text)
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

        return total is > 0 and < 400 && string.Equals(Format(total, char.IsUpper(text[0])), text, StringComparison.Ordinal) ? total : 0;
    }

    private static int Digit(char c) => char.ToUpperInvariant(c) switch
    {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };

    private static string Format(int value, bool upper)
    {
        ReadOnlySpan<(int Value, string Numeral)> table =
        [
            (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var result = new System.Text.StringBuilder();
        foreach (var (step, numeral) in table)
        {
            while (value >= step)
            {
                result.Append(numeral);
                value -= step;
            }
        }

        return upper ? result.ToString() : result.ToString().ToLowerInvariant();
    }
}
