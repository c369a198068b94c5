using System.Diagnostics;

namespace PeerEthics.CrashTest;

/// <summary>One round: when the kill came, whether the server had answered by then, what was acknowledged.</summary>
public sealed record RoundResult(int Round, int CodeVersion, TimeSpan KilledAfter, bool WasServing, int Acknowledged);

/// <summary>The outcome of a run: counts, and every problem found (none: the run passed).</summary>
public sealed record CrashReport(
    string Provider,
    int Rounds,
    int Kills,
    int KillsWhileStarting,
    int People,
    int Acknowledged,
    int AcknowledgedOnRetry,
    int Present,
    int VerifiedByApi,
    int LedgerEntries,
    int Checkpoints,
    int NoAnswers,
    int SignIns,
    int AlreadySigned,
    int CommitmentsVerifyExitCode,
    int AuditVerifyExitCode,
    TimeSpan Duration,
    IReadOnlyList<RoundResult> RoundResults,
    IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// The crash test of issue 5 ("Durability"): concurrent signers against a real server process, which is killed with
/// SIGKILL at a random moment and restarted, round after round; then every commitment the server acknowledged must be
/// in the database and verify, and <c>peerethics commitments verify</c> (and <c>audit verify</c>) must pass.
/// </summary>
public sealed class CrashRun(CrashOptions options, TextWriter log)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    // How long the last start took to answer: the window a kill aimed at the start falls in.
    private TimeSpan _lastStart = TimeSpan.FromSeconds(2);

    public async Task<CrashReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var data = Path.Combine(options.WorkDirectory, "data");
        var logs = Path.Combine(options.WorkDirectory, "logs");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(logs);
        var problems = new List<string>();
        var rounds = new List<RoundResult>();
        var tally = new Tally();
        var app = new AppProcess(options, data);
        log.WriteLine($"crash test on {options.Provider}: {options.Rounds} rounds, {options.Signers} signers × {options.PeoplePerSigner} people, seed {options.Seed}, app {options.AppPath}, on {app.BaseAddress}");

        IReadOnlyList<CrashPerson> people;
        await using (var database = CrashDatabase.Open(options, data))
        {
            await database.PrepareAsync(cancellationToken);
            people = await database.CreatePeopleAsync(options.Signers * options.PeoplePerSigner, options.Program, cancellationToken);
            log.WriteLine($"  prepared the database and {people.Count} people with accounts ({clock.Elapsed.TotalSeconds:0.0} s)");
        }

        using var client = new SignerClient(app.BaseAddress);
        var workers = Enumerable.Range(0, options.Signers)
            .Select(w => new SigningWorker([.. people.Skip(w * options.PeoplePerSigner).Take(options.PeoplePerSigner)], client, options.Program, tally))
            .ToList();

        if (options.PrepareSessions)
        {
            // Round 0: the first start on the new data, killed somewhere inside it.
            await using (var first = app.Start(Path.Combine(logs, "server-round-000.log")))
            {
                var killAt = TimeSpan.FromMilliseconds(20) + (options.FirstStartKillWithin - TimeSpan.FromMilliseconds(20)) * random.NextDouble();
                while (first.SinceStart < killAt && !first.HasExited)
                {
                    await Task.Delay(5, cancellationToken);
                }

                var wasServing = await client.HealthyAsync(cancellationToken);
                var killedAfter = first.SinceStart;
                await first.KillAsync();
                rounds.Add(new RoundResult(0, 1, killedAfter, wasServing, 0));
                log.WriteLine($"  round   0: the first start killed after {killedAfter.TotalMilliseconds:0} ms{(wasServing ? "" : " (while starting)")}");
            }

            await using (var setup = app.Start(Path.Combine(logs, "server-sign-in.log")))
            {
                if (await WaitForHealthAsync(client, setup, options.StartTimeout, cancellationToken) is { } why)
                {
                    problems.Add($"After the first kill the server did not start: {why}.");
                }
                else
                {
                    _lastStart = setup.SinceStart;
                    using var signingIn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    signingIn.CancelAfter(TimeSpan.FromMinutes(5));
                    await Task.WhenAll(workers.Select(w => w.SignInAllAsync(signingIn.Token)));
                    log.WriteLine($"  {tally.SignIns} people signed in ({clock.Elapsed.TotalSeconds:0.0} s)");
                }

                await setup.StopAsync(TimeSpan.FromSeconds(10));
            }
        }

        var version = 1;
        for (var round = 1; problems.Count == 0 && round <= options.Rounds; round++)
        {
            if (options.NewCodeVersionEachRound && round > 1)
            {
                await using var database = CrashDatabase.Open(options, data);
                version = await database.PublishNewVersionAsync(options.Program, round, cancellationToken);
            }

            var before = tally.Acknowledged.Count;
            var result = await RoundAsync(app, client, workers, tally, round, version, random, logs, problems, cancellationToken);
            rounds.Add(result with { Acknowledged = tally.Acknowledged.Count - before });
            log.WriteLine($"  round {round,3}: killed after {result.KilledAfter.TotalMilliseconds,5:0} ms{(result.WasServing ? "" : " (while starting)"),-17} "
                + $"{tally.Acknowledged.Count - before,4} acknowledged, {tally.Acknowledged.Count,5} in all ({clock.Elapsed.TotalSeconds:0.0} s)");
            if (options.KillWithinAfterFirstAck is not null && tally.Acknowledged.Count == before)
            {
                problems.Add($"Round {round}: no signature was acknowledged before the kill.");
            }

            if (problems.Count > 0)
            {
                break;
            }
        }

        // The last start is not killed: it must come up (a start that hangs is a failure), answer what was left
        // unanswered, and show every acknowledged commitment.
        var verified = 0;
        var leftUnanswered = 0;
        await using (var server = app.Start(Path.Combine(logs, "server-final.log")))
        {
            if (await WaitForHealthAsync(client, server, options.StartTimeout, cancellationToken) is { } why)
            {
                problems.Add($"After the last kill the server did not start: {why} (log: {Path.Combine(logs, "server-final.log")}).");
            }
            else
            {
                log.WriteLine($"  the last start answered after {server.SinceStart.TotalSeconds:0.0} s ({clock.Elapsed.TotalSeconds:0.0} s)");
                using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                drain.CancelAfter(TimeSpan.FromSeconds(60));
                await Task.WhenAll(workers.Select(w => w.DrainAsync(options.Rounds + 1, drain.Token)));
                leftUnanswered = workers.Count(w => w.HasUnanswered);
                foreach (var acknowledged in tally.Acknowledged)
                {
                    switch (await client.VerifiesAsync(acknowledged.CommitmentId, cancellationToken))
                    {
                        case true:
                            verified++;
                            break;
                        case false:
                            problems.Add($"Commitment {acknowledged.CommitmentId} (round {acknowledged.Round}) is there but its verification says it is not valid.");
                            break;
                        case null:
                            problems.Add($"Commitment {acknowledged.CommitmentId} (round {acknowledged.Round}) was acknowledged ({acknowledged.Status}) and is not found.");
                            break;
                    }
                }
            }

            await server.StopAsync(TimeSpan.FromSeconds(10));
        }

        if (leftUnanswered > 0)
        {
            problems.Add($"{leftUnanswered} signing request(s) were still unanswered 60 s after the last start.");
        }

        problems.AddRange(tally.Unexpected.Select(u => $"Unexpected answer: {u}."));
        if (tally.SignedOut > 0)
        {
            problems.Add($"{tally.SignedOut} signing request(s) answered 401: a session did not survive a restart.");
        }

        var acknowledgements = tally.Acknowledged.ToList();
        foreach (var key in acknowledgements.GroupBy(a => a.IdempotencyKey).Where(g => g.Select(a => a.CommitmentId).Distinct().Count() > 1))
        {
            problems.Add($"Idempotency-Key {key.Key} was acknowledged with different commitments: {string.Join(", ", key.Select(a => a.CommitmentId).Distinct())}.");
        }

        Kept kept;
        await using (var database = CrashDatabase.Open(options, data))
        {
            kept = await database.ReadKeptAsync(cancellationToken);
        }

        var present = 0;
        foreach (var acknowledged in acknowledgements)
        {
            var inLedger = kept.LedgerEntries.TryGetValue(acknowledged.CommitmentId, out var key);
            var indexed = kept.CommitmentRows.Contains(acknowledged.CommitmentId);
            if (inLedger && indexed)
            {
                present++;
            }
            else
            {
                problems.Add($"Commitment {acknowledged.CommitmentId} (round {acknowledged.Round}, {acknowledged.Status}) is missing: ledger entry {(inLedger ? "present" : "MISSING")}, commitments row {(indexed ? "present" : "MISSING")}.");
            }

            if (inLedger && !key!.EndsWith(":" + acknowledged.IdempotencyKey, StringComparison.Ordinal))
            {
                problems.Add($"Commitment {acknowledged.CommitmentId} is in the ledger under another idempotency key ({key}) than the one that acknowledged it ({acknowledged.IdempotencyKey}).");
            }
        }

        if (kept.LedgerEntries.Count != kept.CommitmentRows.Count)
        {
            problems.Add($"The ledger has {kept.LedgerEntries.Count} entries and the commitments table {kept.CommitmentRows.Count} rows: they commit together and must be equal.");
        }

        if (kept.Checkpoints != kept.LedgerEntries.Count)
        {
            problems.Add($"The ledger has {kept.LedgerEntries.Count} entries and {kept.Checkpoints} checkpoints: every append writes one.");
        }

        if (kept.DuplicateSignatures > 0)
        {
            problems.Add($"{kept.DuplicateSignatures} person(s) have two commitments to one code version.");
        }

        // The two checks read only: run together.
        var ledgerCheck = app.RunAsync(["commitments", "verify"], CommandTimeout, Path.Combine(logs, "commitments-verify.log"));
        var auditCheck = app.RunAsync(["audit", "verify"], CommandTimeout, Path.Combine(logs, "audit-verify.log"));
        var (ledgerExit, ledgerOutput) = await ledgerCheck;
        if (ledgerExit != 0)
        {
            problems.Add($"`peerethics commitments verify` exited with {ledgerExit}: {ledgerOutput.Trim()}");
        }

        var (auditExit, auditOutput) = await auditCheck;
        if (auditExit != 0)
        {
            problems.Add($"`peerethics audit verify` exited with {auditExit}: {auditOutput.Trim()}");
        }

        var report = new CrashReport(
            options.Provider.ToString(), rounds.Count(r => r.Round > 0), rounds.Count, rounds.Count(r => !r.WasServing), people.Count, acknowledgements.Count,
            acknowledgements.Count(a => a.AfterNoAnswer), present, verified, kept.LedgerEntries.Count, kept.Checkpoints, tally.NoAnswers, tally.SignIns,
            tally.AlreadySigned, ledgerExit, auditExit, clock.Elapsed, rounds, problems);
        log.WriteLine($"  {report.Acknowledged} acknowledged ({report.AcknowledgedOnRetry} on a retry after no answer, "
            + $"{acknowledgements.Count(a => a.AfterNoAnswer && a.Status == 200)} of them 200: committed before the kill), {report.Present} present, {report.VerifiedByApi} valid by the API; "
            + $"ledger {report.LedgerEntries} entries; commitments verify exit {ledgerExit}, audit verify exit {auditExit}; {report.Duration.TotalSeconds:0} s");
        foreach (var problem in problems.Take(50))
        {
            log.WriteLine($"  PROBLEM: {problem}");
        }

        return report;
    }

    private async Task<RoundResult> RoundAsync(
        AppProcess app, SignerClient client, List<SigningWorker> workers, Tally tally, int round, int version, Random random, string logs, List<string> problems,
        CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(logs, $"server-round-{round:000}.log");
        await using var server = app.Start(logFile);
        using var signing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signers = workers.Select(w => w.RunRoundAsync(round, signing.Token)).ToList();
        var serving = false;
        var health = Task.Run(async () =>
        {
            while (!signing.IsCancellationRequested && !serving)
            {
                serving = await client.HealthyAsync(signing.Token);
                if (!serving)
                {
                    await Task.Delay(20, CancellationToken.None);
                }
            }
        }, CancellationToken.None);

        // Kill while starting (aimed inside the last start's length), or at a random moment once serving.
        var aimAtStart = options.KillWithinAfterFirstAck is null && random.NextDouble() < options.StartKillShare;
        var killAt = TimeSpan.Zero;
        if (aimAtStart)
        {
            killAt = TimeSpan.FromMilliseconds(20) + (_lastStart - TimeSpan.FromMilliseconds(20)) * random.NextDouble();
        }
        else
        {
            var acknowledgedBefore = tally.Acknowledged.Count;
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < options.StartTimeout && !server.HasExited
                && !(options.KillWithinAfterFirstAck is null ? serving : tally.Acknowledged.Count > acknowledgedBefore))
            {
                await Task.Delay(10, cancellationToken);
            }

            if (serving)
            {
                _lastStart = server.SinceStart;
            }

            killAt = server.SinceStart + (options.KillWithinAfterFirstAck ?? options.KillAfterServingMax) * random.NextDouble();
        }

        while (server.SinceStart < killAt && !server.HasExited)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp((killAt - server.SinceStart).TotalMilliseconds, 1, 20)), cancellationToken);
        }

        if (server.HasExited)
        {
            problems.Add($"Round {round}: the server stopped by itself with exit code {server.ExitCode} (log: {logFile}).");
        }

        var killedAfter = server.SinceStart;
        var wasServing = serving;
        await server.KillAsync();
        // Let the signers see the dead connections, then end the round.
        await Task.Delay(100, CancellationToken.None);
        await signing.CancelAsync();
        await Task.WhenAll(signers);
        await health;
        if (!aimAtStart && !wasServing)
        {
            problems.Add($"Round {round}: the server did not answer within {options.StartTimeout.TotalSeconds:0} s (log: {logFile}).");
        }

        return new RoundResult(round, version, killedAfter, wasServing, 0);
    }

    /// <summary>Null once the server answers <c>/health</c>; otherwise why not.</summary>
    private static async Task<string?> WaitForHealthAsync(SignerClient client, AppProcess.Server server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (server.HasExited)
            {
                return $"it exited with code {server.ExitCode}";
            }

            if (await client.HealthyAsync(cancellationToken))
            {
                return null;
            }

            await Task.Delay(50, cancellationToken);
        }

        return $"it did not answer /health within {timeout.TotalSeconds:0} s";
    }
}
