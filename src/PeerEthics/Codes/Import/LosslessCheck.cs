namespace PeerEthics.Codes.Import;

/// <summary>
/// Whether a parse kept every word of its source, in order: the words of the source and the words of the
/// parsed elements, compared one by one. Where they first differ, the words around that place in each.
/// </summary>
public sealed record LosslessResult(int SourceWords, int KeptWords, int? FirstDifference, string? SourceAround, string? KeptAround)
{
    public bool Lossless => FirstDifference is null;
}

/// <summary>
/// Checks the promise of <see cref="ParsedCode.Elements"/> for one document, so a person publishing it can see
/// that nothing was dropped, added or moved. Words are runs of characters that are not white space; a
/// byte-order mark is not a word.
/// </summary>
public static class LosslessCheck
{
    public static LosslessResult Check(string source, ParsedCode parsed)
    {
        var expected = Words(source);
        var kept = parsed.Elements.SelectMany(e => Words(e.Text)).ToList();
        var length = Math.Min(expected.Count, kept.Count);
        var first = 0;
        while (first < length && string.Equals(expected[first], kept[first], StringComparison.Ordinal))
        {
            first++;
        }

        if (first == expected.Count && first == kept.Count)
        {
            return new LosslessResult(expected.Count, kept.Count, null, null, null);
        }

        string Around(List<string> words) => string.Join(' ', words.Skip(Math.Max(0, first - 4)).Take(8));
        return new LosslessResult(expected.Count, kept.Count, first + 1, Around(expected), Around(kept));
    }

    private static List<string> Words(string text) =>
        [.. text.Replace("\uFEFF", "", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];
}
