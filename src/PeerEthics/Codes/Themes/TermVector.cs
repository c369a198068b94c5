namespace PeerEthics.Codes.Themes;

/// <summary>
/// A text as TF-IDF weights over word stems, scaled to unit length, so that the cosine of two texts is
/// the dot product of their vectors: 1 for the same words in the same proportions, 0 for no word shared.
/// Words rare in the collection weigh more than words most texts have. (The tagger and the crosswalk
/// each keep the vectors in a form fast for their own dot products.)
/// </summary>
internal sealed class TermVector
{
    private TermVector(Dictionary<string, double> weights) => Weights = weights;

    public static TermVector Empty { get; } = new([]);

    /// <summary>Unit-length weight of each stem; empty when the text has no meaningful word.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>
    /// Term frequency is dampened (1 + ln count) so that a word said three times does not outweigh
    /// three different words, and each stem's weight is multiplied by <paramref name="idf"/>.
    /// </summary>
    public static TermVector From(IEnumerable<string> stems, Func<string, double> idf)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stem in stems)
        {
            counts[stem] = counts.GetValueOrDefault(stem) + 1;
        }

        if (counts.Count == 0)
        {
            return Empty;
        }

        var weights = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        var sumOfSquares = 0.0;
        foreach (var (stem, count) in counts)
        {
            var weight = (1 + Math.Log(count)) * idf(stem);
            weights[stem] = weight;
            sumOfSquares += weight * weight;
        }

        var norm = Math.Sqrt(sumOfSquares);
        foreach (var stem in counts.Keys)
        {
            weights[stem] /= norm;
        }

        return new TermVector(weights);
    }

    /// <summary>Smoothed inverse document frequency: never zero, so a word every text has still counts a little.</summary>
    public static double Idf(int documentFrequency, int documentCount) =>
        Math.Log((documentCount + 1.0) / (documentFrequency + 1.0)) + 1.0;
}
