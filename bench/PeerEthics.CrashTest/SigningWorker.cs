using System.Collections.Concurrent;

namespace PeerEthics.CrashTest;

/// <summary>A commitment the server acknowledged (2xx with its id), as the client recorded it.</summary>
public sealed record Acknowledgement(string CommitmentId, string IdempotencyKey, int PersonId, int Round, int Status, bool AfterNoAnswer);

/// <summary>What every signer saw, shared by the signers of a run.</summary>
public sealed class Tally
{
    public ConcurrentQueue<Acknowledgement> Acknowledged { get; } = new();

    public ConcurrentQueue<string> Unexpected { get; } = new();

    private int _noAnswers;
    private int _signIns;
    private int _signedOut;
    private int _alreadySigned;

    public int NoAnswers => _noAnswers;

    public int SignIns => _signIns;

    public int SignedOut => _signedOut;

    public int AlreadySigned => _alreadySigned;

    public void NoAnswer() => Interlocked.Increment(ref _noAnswers);

    public void SignIn() => Interlocked.Increment(ref _signIns);

    public void SessionLost() => Interlocked.Increment(ref _signedOut);

    public void Already() => Interlocked.Increment(ref _alreadySigned);
}

/// <summary>
/// One concurrent signer: a loop over its people, each signing the version in force once per round. A request that got
/// no answer keeps its idempotency key and is sent again (after the restart, if the server died) until it is answered,
/// so the client ends up knowing every commitment made for it — the test of idempotency under crashes.
/// </summary>
public sealed class SigningWorker(IReadOnlyList<CrashPerson> people, SignerClient client, string program, Tally tally)
{
    private readonly Dictionary<int, string> _sessions = [];
    private readonly HashSet<int> _doneThisRound = [];
    private readonly HashSet<string> _sentWithoutAnswer = [];
    private (CrashPerson Person, string Key)? _unanswered;
    private int _next;

    /// <summary>A request sent whose answer never came (the server was killed): sent again next round.</summary>
    public bool HasUnanswered => _unanswered is not null;

    /// <summary>Signs until <paramref name="cancellationToken"/> ends the round.</summary>
    public async Task RunRoundAsync(int round, CancellationToken cancellationToken)
    {
        _doneThisRound.Clear();
        while (!cancellationToken.IsCancellationRequested)
        {
            bool signed;
            try
            {
                signed = await StepAsync(round, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The round ended (the server is dead) with a request in flight: it stays unanswered.
                return;
            }

            if (!signed)
            {
                // Everyone has signed the version in force: wait for the round to end.
                try
                {
                    await Task.Delay(100, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Signs every person in (before the rounds), retrying what gets no answer.</summary>
    public async Task SignInAllAsync(CancellationToken cancellationToken)
    {
        foreach (var person in people)
        {
            while (!_sessions.ContainsKey(person.PersonId))
            {
                if (await client.SignInAsync(person, cancellationToken) is { } session)
                {
                    tally.SignIn();
                    _sessions[person.PersonId] = session;
                }
                else
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }

    /// <summary>After the last round: sends the unanswered request until it is answered, or the time is up.</summary>
    public async Task DrainAsync(int round, CancellationToken cancellationToken)
    {
        try
        {
            while (_unanswered is not null && !cancellationToken.IsCancellationRequested)
            {
                await StepAsync(round, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of time: the caller reports what is still unanswered.
        }
    }

    // One request; false when there is nobody left to sign for this round.
    private async Task<bool> StepAsync(int round, CancellationToken cancellationToken)
    {
        CrashPerson person;
        string key;
        if (_unanswered is { } retry)
        {
            (person, key) = retry;
        }
        else if (NextPerson() is { } next)
        {
            person = next;
            key = Guid.NewGuid().ToString();
        }
        else
        {
            return false;
        }

        if (!_sessions.TryGetValue(person.PersonId, out var session))
        {
            _unanswered = (person, key);
            string? signedIn;
            try
            {
                signedIn = await client.SignInAsync(person, cancellationToken);
            }
            catch (InvalidOperationException refused)
            {
                tally.Unexpected.Enqueue($"round {round}: {refused.Message}");
                _unanswered = null;
                _doneThisRound.Add(person.PersonId);
                return true;
            }

            if (signedIn is null)
            {
                await PauseAsync(cancellationToken);
                return true;
            }

            tally.SignIn();
            _sessions[person.PersonId] = session = signedIn;
        }

        _unanswered = (person, key);
        var wasRetry = _sentWithoutAnswer.Contains(key);
        // Marked before sending: if the round ends while it is in flight, the retry knows it was sent.
        _sentWithoutAnswer.Add(key);
        var (answer, status, commitmentId) = await client.SignAsync(person, session, program, key, cancellationToken);
        if (!wasRetry)
        {
            _sentWithoutAnswer.Remove(key);
        }

        switch (answer)
        {
            case Answer.Acknowledged:
                tally.Acknowledged.Enqueue(new Acknowledgement(commitmentId!, key, person.PersonId, round, status, wasRetry));
                _unanswered = null;
                _doneThisRound.Add(person.PersonId);
                break;
            case Answer.AlreadySigned:
                tally.Already();
                _unanswered = null;
                _doneThisRound.Add(person.PersonId);
                break;
            case Answer.SignedOut:
                // Sessions must survive restarts (the keys are in the data directory): counted, then signed in again.
                tally.SessionLost();
                _sessions.Remove(person.PersonId);
                break;
            case Answer.NotDelivered:
                await PauseAsync(cancellationToken);
                break;
            case Answer.NoAnswer:
                _sentWithoutAnswer.Add(key);
                if (!cancellationToken.IsCancellationRequested)
                {
                    tally.NoAnswer();
                }

                await PauseAsync(cancellationToken);
                break;
            default:
                tally.Unexpected.Enqueue($"round {round}: {status} for {person.Email} (key {key})");
                _unanswered = null;
                _doneThisRound.Add(person.PersonId);
                break;
        }

        return true;
    }

    private CrashPerson? NextPerson()
    {
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[(_next + i) % people.Count];
            if (!_doneThisRound.Contains(person.PersonId))
            {
                _next = (_next + i + 1) % people.Count;
                return person;
            }
        }

        return null;
    }

    private static async Task PauseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(50, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The round ended.
        }
    }
}
