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

public sealed record DiffWord(string Text, DiffWordKind Kind);

public sealed record PrincipleChange(ChangeKind Kind, ParsedPrinciple? From, ParsedPrinciple? To, IReadOnlyList<DiffWord> Words);

public sealed record VersionDiff(IReadOnlyList<PrincipleChange> Principles);

/// <summary>Word-level difference between two versions of a code.</summary>
public static class VersionDiffer
{
    public static VersionDiff Compare(ParsedCode from, ParsedCode to) => throw new NotImplementedException("diff: in progress");
}
