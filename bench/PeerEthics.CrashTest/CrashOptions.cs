using PeerEthics.Data;

namespace PeerEthics.CrashTest;

/// <summary>What a crash test run does. The defaults are the benchmark's (<c>scripts/bench crash</c>).</summary>
public sealed record CrashOptions
{
    /// <summary>The app under test: <c>peerethics.dll</c> (run with <c>dotnet</c>) or the published <c>peerethics</c> executable.</summary>
    public required string AppPath { get; init; }

    public required DatabaseProvider Provider { get; init; }

    /// <summary>A scratch folder: the data directory (SQLite, keys, mail), server logs. Created if missing.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>On PostgreSQL, the database (empty or migrated; the run migrates it).</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>How many times the server is killed with SIGKILL.</summary>
    public int Rounds { get; init; } = 20;

    /// <summary>Concurrent signers (each a loop of requests), each with <see cref="PeoplePerSigner"/> people to sign for.</summary>
    public int Signers { get; init; } = 8;

    public int PeoplePerSigner { get; init; } = 12;

    /// <summary>
    /// The share of rounds whose kill is aimed at the start (migrating, loading the codes, creating keys): a random
    /// moment between the process's start and the time the last start took to answer. The other rounds' kill comes at
    /// a random moment up to <see cref="KillAfterServingMax"/> after the server first answered, while it signs.
    /// Aimed at the server's own progress, not at a fixed time, so a loaded machine's slow starts do not turn every kill
    /// into one during the start.
    /// </summary>
    public double StartKillShare { get; init; } = 0.25;

    public TimeSpan KillAfterServingMax { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// When set, the kill waits for the round's first acknowledged signature and then comes within this time (the
    /// in-suite version: a short run must not spend its only kill on a start).
    /// </summary>
    public TimeSpan? KillWithinAfterFirstAck { get; init; }

    /// <summary>
    /// A new version of the Massachusetts code is published before every round after the first, so every person signs
    /// again each round (one commitment per person and code version is the rule).
    /// </summary>
    public bool NewCodeVersionEachRound { get; init; } = true;

    /// <summary>
    /// Before the rounds: the very first start of the app on the new data (the one that creates the ledger's signing key
    /// and the cookie keys) is killed at a random moment within <see cref="FirstStartKillWithin"/> — counted as round 0 —
    /// and then every person signs in once on a start that is stopped normally, so the rounds spend their time signing.
    /// Sessions must survive the kills (a 401 later is a failure).
    /// </summary>
    public bool PrepareSessions { get; init; } = true;

    public TimeSpan FirstStartKillWithin { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How long a server may take to answer <c>/health</c> when it is not going to be killed; longer is a failure (a hung start).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>The one program the signers belong to.</summary>
    public string Program { get; init; } = "massachusetts-cps";
}
