using PeerEthics.Codes.Import;

namespace PeerEthics.Codes.Diff;

public enum ChangeKind
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

public enum DiffWordKind
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>A piece of text (a word, a space, a run of words) and whether it was kept, inserted or deleted.</summary>
public sealed record DiffWord(string Text, DiffWordKind Kind);

/// <summary>
/// One principle across two versions. <see cref="From"/> is null when it was added, <see cref="To"/>
/// when it was removed; an unchanged principle may still have been renumbered.
/// </summary>
public sealed record PrincipleChange(ChangeKind Kind, ParsedPrinciple? From, ParsedPrinciple? To, IReadOnlyList<DiffWord> Words)
{
    public bool Renumbered => From is not null && To is not null && From.Label != To.Label;
}

/// <summary>A piece of a code that is not a principle (title, preamble, pledge) across two versions; null where a version has none.</summary>
public sealed record TextChange(ChangeKind Kind, string? From, string? To, IReadOnlyList<DiffWord> Words)
{
    public static TextChange Between(string? from, string? to) => (from, to) switch
    {
        (null, null) => new(ChangeKind.Unchanged, null, null, []),
        (null, _) => new(ChangeKind.Added, null, to, WordDiff.All(to, DiffWordKind.Inserted)),
        (_, null) => new(ChangeKind.Removed, from, null, WordDiff.All(from, DiffWordKind.Deleted)),
        _ when from == to => new(ChangeKind.Unchanged, from, to, WordDiff.All(to, DiffWordKind.Unchanged)),
        _ => new(ChangeKind.Changed, from, to, WordDiff.Between(from, to)),
    };
}

/// <summary>The principles in the newer version's order, each removed one where it stood; and the title, preamble and pledge.</summary>
public sealed record VersionDiff(IReadOnlyList<PrincipleChange> Principles)
{
    public TextChange Title { get; init; } = TextChange.Between(null, null);

    public TextChange Preamble { get; init; } = TextChange.Between(null, null);

    public TextChange Pledge { get; init; } = TextChange.Between(null, null);

    public bool HasChanges =>
        Title.Kind != ChangeKind.Unchanged || Preamble.Kind != ChangeKind.Unchanged || Pledge.Kind != ChangeKind.Unchanged
        || Principles.Any(p => p.Kind != ChangeKind.Unchanged || p.Renumbered);
}

/// <summary>Word-level difference between two versions of a code.</summary>
public static class VersionDiffer
{
    public static VersionDiff Compare(ParsedCode from, ParsedCode to) =>
        new(ComparePrinciples(from.Principles, to.Principles))
        {
            Title = TextChange.Between(from.Title, to.Title),
            Preamble = TextChange.Between(Paragraphs(from.Preamble), Paragraphs(to.Preamble)),
            Pledge = TextChange.Between(from.Pledge?.Text, to.Pledge?.Text),
        };

    public static IReadOnlyList<PrincipleChange> ComparePrinciples(IReadOnlyList<ParsedPrinciple> from, IReadOnlyList<ParsedPrinciple> to)
    {
        var match = PrincipleMatcher.Match(from, to);
        var entries = new List<(double Position, int Order, PrincipleChange Change)>();
        for (var j = 0; j < to.Count; j++)
        {
            var change = match.FromOf[j] is { } i
                ? Changed(from[i], to[j])
                : new PrincipleChange(ChangeKind.Added, null, to[j], WordDiff.All(to[j].Text, DiffWordKind.Inserted));
            entries.Add((j, 0, change));
        }

        // A removed principle goes right after the principle that preceded it in the older version.
        for (var i = 0; i < from.Count; i++)
        {
            if (match.ToOf[i] is not null)
            {
                continue;
            }

            var previous = Enumerable.Range(0, i).Reverse().Select(k => match.ToOf[k]).FirstOrDefault(t => t is not null);
            var position = previous is { } p ? p + 0.5 : -0.5;
            entries.Add((position, i + 1, new PrincipleChange(ChangeKind.Removed, from[i], null, WordDiff.All(from[i].Text, DiffWordKind.Deleted))));
        }

        return [.. entries.OrderBy(e => e.Position).ThenBy(e => e.Order).Select(e => e.Change)];
    }

    private static PrincipleChange Changed(ParsedPrinciple from, ParsedPrinciple to) => from.Text == to.Text
        ? new PrincipleChange(ChangeKind.Unchanged, from, to, WordDiff.All(to.Text, DiffWordKind.Unchanged))
        : new PrincipleChange(ChangeKind.Changed, from, to, WordDiff.Between(from.Text, to.Text));

    private static string? Paragraphs(IReadOnlyList<string> paragraphs) =>
        paragraphs.Count == 0 ? null : string.Join("\n\n", paragraphs);
}
