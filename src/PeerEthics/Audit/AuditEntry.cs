namespace PeerEthics.Audit;

/// <summary>
/// One entry of the append-only audit trail: who did what to which object, when, and how it ended.
/// Never passwords, tokens or the content of sensitive records. Each entry is chained to the previous one
/// by <see cref="PreviousHash"/> and sealed by <see cref="Hash"/>, the SHA-256 of its canonical form
/// (<see cref="AuditChain.Canonical"/>), so an edit, a deletion or a reordering is detectable.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>1, 2, 3… without gaps; assigned when the entry is saved.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, whole microseconds (what every database here stores exactly).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The account id, or <c>anonymous</c>, <c>system</c>, <c>cli</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What the actor was known as at the time (an email), for people reading the trail.</summary>
    public string? ActorName { get; set; }

    /// <summary>Dotted verb, e.g. <c>account.sign-in</c>, <c>code.version-published</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The object acted on, e.g. <c>user:3f2a…</c>, <c>code:massachusetts-cps/2</c>.</summary>
    public required string Target { get; set; }

    public required string Outcome { get; set; }

    /// <summary>A short, non-sensitive note (a reason, a role name).</summary>
    public string? Detail { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    /// <summary>Order of recording within this process, so entries saved together chain in the order they happened.</summary>
    internal long RecordedOrder { get; set; }
}

/// <summary>The outcomes an audit entry records.</summary>
public static class AuditOutcome
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}
