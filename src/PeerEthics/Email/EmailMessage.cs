namespace PeerEthics.Email;

/// <summary>A plain-text message to one person.</summary>
public sealed record EmailMessage(string To, string? ToName, string Subject, string Body);

/// <summary>How a send went: mail is not guaranteed, so callers decide what to tell the person.</summary>
public abstract record MailOutcome
{
    private MailOutcome()
    {
    }

    public sealed record Sent(string Where) : MailOutcome;

    public sealed record Failed(string Reason) : MailOutcome;
}
