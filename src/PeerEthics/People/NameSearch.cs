using System.Globalization;
using System.Text;

namespace PeerEthics.People;

/// <summary>
/// Names as search keys: lower case, accents and other marks removed, apostrophes dropped, other runs of spaces and
/// punctuation made one space. "José  O'Brien" and "jose obrien" both become "jose obrien", and a prefix search
/// runs on an index.
/// </summary>
public static class NameSearch
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (c is '\'' or '’' or 'ʼ')
            {
                continue; // O'Brien and OBrien are the same name
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c) switch { 'ß' => "ss", 'ø' => "o", 'ł' => "l", 'đ' => "d", 'æ' => "ae", 'œ' => "oe", var l => l.ToString() });
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The stored key: legal and preferred names, so either finds the person.</summary>
    public static string KeyFor(string legalName, string? preferredName)
    {
        var legal = Normalize(legalName);
        var preferred = Normalize(preferredName);
        return preferred.Length == 0 || preferred == legal ? legal : $"{legal}|{preferred}";
    }
}
