using System.Text;
using DiffPlex;

namespace PeerEthics.Codes.Diff;

/// <summary>
/// Word-level difference of two texts, by DiffPlex's differ over words. The pieces keep every character:
/// the Unchanged and Deleted pieces, in order, are exactly the old text, and the Unchanged and Inserted
/// pieces exactly the new one.
/// </summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffWord> Between(string from, string to)
    {
        if (from == to)
        {
            return from.Length == 0 ? [] : [new DiffWord(from, DiffWordKind.Unchanged)];
        }

        var result = Differ.Instance.CreateDiffs(from, to, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var runs = new List<Run>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            AddUnchanged(runs, Join(result.PiecesOld, a, block.DeleteStartA - a));
            runs.Add(new Run(
                Join(result.PiecesOld, block.DeleteStartA, block.DeleteCountA),
                Join(result.PiecesNew, block.InsertStartB, block.InsertCountB),
                Changed: true));
            a = block.DeleteStartA + block.DeleteCountA;
        }

        AddUnchanged(runs, Join(result.PiecesOld, a, result.PiecesOld.Count - a));
        return ToWords(JoinChangesAcrossSpaces(runs));
    }

    /// <summary>Every word of a text as one kind of piece: an added or removed text, or one unchanged.</summary>
    public static IReadOnlyList<DiffWord> All(string text, DiffWordKind kind) =>
        text.Length == 0 ? [] : [new DiffWord(text, kind)];

    private static void AddUnchanged(List<Run> runs, string text)
    {
        if (text.Length > 0)
        {
            runs.Add(new Run(text, text, Changed: false));
        }
    }

    private static string Join(IReadOnlyList<string> pieces, int start, int count)
    {
        var text = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            text.Append(pieces[i]);
        }

        return text.ToString();
    }

    /// <summary>
    /// "make [-unwarranted-][+false+] [-promises-][+claims+]" reads worse than "make [-unwarranted
    /// promises-][+false claims+]": a lone space between two changes joins them.
    /// </summary>
    private static List<Run> JoinChangesAcrossSpaces(List<Run> runs)
    {
        var joined = new List<Run>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.Changed && joined.Count >= 2 && joined[^1] is { Changed: false } space && string.IsNullOrWhiteSpace(space.From) && joined[^2].Changed)
            {
                var before = joined[^2];
                joined.RemoveRange(joined.Count - 2, 2);
                run = new Run(before.From + space.From + run.From, before.To + space.To + run.To, Changed: true);
            }

            joined.Add(run);
        }

        return joined;
    }

    private static List<DiffWord> ToWords(List<Run> runs)
    {
        var words = new List<DiffWord>();
        foreach (var run in runs)
        {
            if (!run.Changed)
            {
                words.Add(new DiffWord(run.From, DiffWordKind.Unchanged));
                continue;
            }

            if (run.From.Length > 0)
            {
                words.Add(new DiffWord(run.From, DiffWordKind.Deleted));
            }

            if (run.To.Length > 0)
            {
                words.Add(new DiffWord(run.To, DiffWordKind.Inserted));
            }
        }

        return words;
    }

    /// <summary>A stretch of text: the same on both sides, or changed from <see cref="From"/> to <see cref="To"/>.</summary>
    private sealed record Run(string From, string To, bool Changed);

    /// <summary>
    /// Cuts text into words, runs of spaces, and single punctuation marks, so that "sexual/intimate" is
    /// three pieces and a changed comma shows as just the comma. Every character lands in one piece.
    /// </summary>
    private sealed class WordChunker : IChunker
    {
        public static WordChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var pieces = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var start = i;
                if (char.IsLetterOrDigit(text[i]))
                {
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerApostrophe(text, i)))
                    {
                        i++;
                    }
                }
                else if (char.IsWhiteSpace(text[i]))
                {
                    while (i < text.Length && char.IsWhiteSpace(text[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }

                pieces.Add(text[start..i]);
            }

            return pieces;
        }

        private static bool IsInnerApostrophe(string text, int i) =>
            text[i] is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]);
    }
}
