using PeerEthics.Codes.Themes;

namespace PeerEthics.Codes.Crosswalk;

/// <summary>
/// A <see cref="TermVector"/> with its stems numbered and sorted, so that the cosine of two principles
/// is a merge of two short arrays rather than a dictionary lookup per word: a crosswalk of two
/// 50-principle codes takes 2,500 of them.
/// </summary>
internal readonly struct SparseVector
{
    private readonly int[] _ids;
    private readonly double[] _weights;

    public SparseVector(TermVector vector, Dictionary<string, int> numbers)
    {
        var entries = vector.Weights.Select(kv => (Id: numbers[kv.Key], Weight: kv.Value)).OrderBy(e => e.Id).ToArray();
        _ids = [.. entries.Select(e => e.Id)];
        _weights = [.. entries.Select(e => e.Weight)];
    }

    public double Cosine(SparseVector other)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < _ids.Length && j < other._ids.Length)
        {
            var (a, b) = (_ids[i], other._ids[j]);
            if (a == b)
            {
                dot += _weights[i++] * other._weights[j++];
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        // Rounding can push the cosine of a text with itself a hair over 1.
        return Math.Min(1.0, dot);
    }
}
