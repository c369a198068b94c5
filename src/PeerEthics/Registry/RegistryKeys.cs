using PeerEthics.People;

namespace PeerEthics.Registry;

/// <summary>The registry's search keys and how a query becomes a range of them.</summary>
public static class RegistryKeys
{
    /// <summary>
    /// The keys of a person: every rotation of the words of the legal name and of the preferred name, each
    /// normalized by <see cref="NameSearch.Normalize"/> (lower case, no accents, apostrophes dropped, other
    /// punctuation a word break). No duplicates.
    /// </summary>
    public static IReadOnlyList<string> For(string legalName, string? preferredName)
    {
        var keys = new List<string>(6);
        Add(keys, NameSearch.Normalize(legalName));
        Add(keys, NameSearch.Normalize(preferredName));
        return keys;
    }

    private static void Add(List<string> keys, string normalized)
    {
        if (normalized.Length == 0)
        {
            return;
        }

        var words = normalized.Split(' ');
        for (var first = 0; first < words.Length; first++)
        {
            var key = string.Join(' ', words[first..].Concat(words[..first]));
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }
    }

    /// <summary>
    /// The keys starting with <paramref name="prefix"/> are those from <c>Low</c> (inclusive) to <c>High</c>
    /// (exclusive) in ordinal order: the prefix with its last character one higher. Keys hold only letters and
    /// digits of the Basic Multilingual Plane and spaces (<see cref="NameSearch.Normalize"/> drops the rest), so
    /// the next character always exists, and ordinal order is what SQLite's BINARY and PostgreSQL's "C" collation use.
    /// </summary>
    public static (string Low, string High) RangeOf(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return (prefix, prefix[..^1] + (char)(prefix[^1] + 1));
    }
}
