using System.Globalization;

namespace PeerEthics.Programs;

/// <summary>
/// A credential number template such as <c>CPS-######</c>: fixed letters, digits and hyphens around one run of
/// <c>#</c> signs where a zero-padded sequence number goes. Every number a format issues has the same length,
/// so the highest one is also the last in text order, which lets the next number be found through an index.
/// </summary>
public sealed record CredentialNumberFormat(string Prefix, int Digits, string Suffix)
{
    public const int MaxLength = 32;
    public const int MinDigits = 3;
    public const int MaxDigits = 9;

    public const string Rule = "Use capital letters, digits and hyphens, with one run of 3 to 9 # signs where the number goes, for example CPS-######.";

    public string Template => Prefix + new string('#', Digits) + Suffix;

    public int Length => Prefix.Length + Digits + Suffix.Length;

    /// <summary>The largest sequence number the format can write.</summary>
    public long Capacity => (long)Math.Pow(10, Digits) - 1;

    public static CredentialNumberFormat? Parse(string? template) => TryParse(template, out var format, out _) ? format : null;

    public static bool TryParse(string? template, out CredentialNumberFormat format, out string problem)
    {
        format = new CredentialNumberFormat("", 0, "");
        problem = "";
        var text = template?.Trim() ?? "";
        if (text.Length == 0)
        {
            problem = $"Enter a credential number format. {Rule}";
            return false;
        }

        if (text.Length > MaxLength)
        {
            problem = $"The credential number format can be at most {MaxLength} characters long.";
            return false;
        }

        if (text.Any(c => c != '#' && c != '-' && !char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c)))
        {
            problem = $"The credential number format has a character it cannot use. {Rule}";
            return false;
        }

        var first = text.IndexOf('#', StringComparison.Ordinal);
        var last = text.LastIndexOf('#');
        if (first < 0 || text[first..(last + 1)].Any(c => c != '#'))
        {
            problem = $"The credential number format needs exactly one run of # signs. {Rule}";
            return false;
        }

        var digits = last - first + 1;
        if (digits is < MinDigits or > MaxDigits)
        {
            problem = $"The credential number format needs between {MinDigits} and {MaxDigits} # signs; it has {digits}.";
            return false;
        }

        format = new CredentialNumberFormat(text[..first], digits, text[(last + 1)..]);
        return true;
    }

    /// <summary>The number for a sequence value, e.g. 42 → <c>CPS-000042</c>.</summary>
    public string Format(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, Capacity);
        return Prefix + sequence.ToString(new string('0', Digits), CultureInfo.InvariantCulture) + Suffix;
    }

    /// <summary>The sequence value of a number written in this format, or null when it is not one.</summary>
    public long? SequenceOf(string? number)
    {
        if (number is null || number.Length != Length
            || !number.StartsWith(Prefix, StringComparison.Ordinal) || !number.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = number.AsSpan(Prefix.Length, Digits);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        var value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return value == 0 ? null : value;
    }

    public bool Matches(string? number) => SequenceOf(number) is not null;

    /// <summary>What the first number looks like, for people choosing a format.</summary>
    public string Example => Format(1);
}
