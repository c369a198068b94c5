using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Email;
using PeerEthics.Web;

namespace PeerEthics.Campaigns;

/// <summary>What a reminder run did.</summary>
public sealed record RemindersRun(DateOnly Day, int Sent, int Failed, IReadOnlyList<(int CampaignId, ReminderKind Kind, int Sent, int Failed)> ByCampaign);

/// <summary>
/// Sends the reminders due today to every member of an open campaign who has not signed: at the start, a week before
/// the deadline, a day before, and once overdue (<see cref="CampaignRules.Due"/>). Each is a row unique on (campaign,
/// person, kind), claimed before it is sent, so a repeated run, or the daily job and the command at once, send each
/// reminder once. A send that fails is kept as failed with its reason and tried again on the next run; every send and
/// failure is audited. People whose credential no longer lets them sign (lapsed, suspended, revoked, relinquished)
/// get no reminder.
/// </summary>
public sealed class CampaignReminders(PeerEthicsDb db, Mailer mailer, AccountLinks links, AuditLog audit, TimeProvider clock)
{
    /// <summary>A claim older than this whose run never said how the send went (the process stopped) is tried again.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromHours(1);

    public async Task<RemindersRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.EndedAt == null && c.OpensOn <= today)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.ProgramId, c.CodeVersionId, c.OpensOn, c.Deadline, Program = c.Program.Slug, ProgramName = c.Program.Name, c.CodeVersion.Title, c.CodeVersion.Number })
            .ToListAsync(cancellationToken);
        var byCampaign = new List<(int, ReminderKind, int, int)>();
        foreach (var campaign in campaigns)
        {
            if (CampaignRules.Due(campaign.OpensOn, campaign.Deadline, today) is not { } kind)
            {
                continue;
            }

            var members = await db.CampaignMembers.AsNoTracking()
                .Where(m => m.CampaignId == campaign.Id && CampaignRules.StillBound.Contains(m.Credential.Status)
                    && !db.Commitments.Any(k => k.PersonId == m.PersonId && k.ProgramId == campaign.ProgramId && k.CodeVersionId == campaign.CodeVersionId))
                .OrderBy(m => m.PersonId)
                .Select(m => new
                {
                    m.PersonId, Name = m.Person.PreferredName ?? m.Person.LegalName,
                    Email = m.Person.Email ?? db.Users.Where(u => u.Id == m.Person.UserId).Select(u => u.Email).FirstOrDefault(),
                    Reminder = db.CampaignReminders.Where(r => r.CampaignId == campaign.Id && r.PersonId == m.PersonId && r.Kind == kind)
                        .Select(r => new { r.Id, r.Status, r.Attempts, r.LastTriedAt }).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            int sent = 0, failed = 0;
            foreach (var member in members)
            {
                if (member.Reminder is { Status: ReminderStatus.Sent }
                    || member.Reminder is { Status: ReminderStatus.Sending } claimed && claimed.LastTriedAt > now - StaleClaim)
                {
                    continue;
                }

                var row = member.Reminder is null
                    ? await ClaimNewAsync(campaign.Id, member.PersonId, kind, now, cancellationToken)
                    : await ClaimRetryAsync(member.Reminder.Id, member.Reminder.Attempts, now, cancellationToken);
                if (row is null)
                {
                    continue; // Another run has it.
                }

                var message = member.Email is null ? null : Message(kind, member.Email, member.Name, campaign.ProgramName, campaign.Title, campaign.Number, campaign.Deadline, campaign.Program);
                var outcome = message is null
                    ? new MailOutcome.Failed("There is no email address on the person's record or account.")
                    : await mailer.SendAsync(message, cancellationToken);
                if (outcome is MailOutcome.Sent)
                {
                    row.Status = ReminderStatus.Sent;
                    row.SentAt = now;
                    row.LastError = null;
                    audit.Record("campaign.reminder-sent", $"campaign:{campaign.Id}", detail: $"person:{member.PersonId}, {kind.Name()}");
                    sent++;
                }
                else
                {
                    var reason = ((MailOutcome.Failed)outcome).Reason;
                    row.Status = ReminderStatus.Failed;
                    row.LastError = reason.Length > 1000 ? reason[..1000] : reason;
                    audit.Record("campaign.reminder-failed", $"campaign:{campaign.Id}", AuditOutcome.Failure,
                        detail: $"person:{member.PersonId}, {kind.Name()}, attempt {row.Attempts}: {row.LastError}");
                    failed++;
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            if (sent + failed > 0)
            {
                byCampaign.Add((campaign.Id, kind, sent, failed));
            }
        }

        return new RemindersRun(today, byCampaign.Sum(c => c.Item3), byCampaign.Sum(c => c.Item4), byCampaign);
    }

    /// <summary>The first try of a reminder: the row is inserted before sending; a run that lost the race to insert it sends nothing.</summary>
    private async Task<CampaignReminder?> ClaimNewAsync(int campaignId, int personId, ReminderKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new CampaignReminder { CampaignId = campaignId, PersonId = personId, Kind = kind, Status = ReminderStatus.Sending, Attempts = 1, LastTriedAt = now };
        db.CampaignReminders.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return row;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>A retry: claimed by moving the attempt count on from the one read, which only one run can do.</summary>
    private async Task<CampaignReminder?> ClaimRetryAsync(long id, int attempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await db.CampaignReminders
            .Where(r => r.Id == id && r.Attempts == attempts && r.Status != ReminderStatus.Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attempts, attempts + 1).SetProperty(r => r.Status, ReminderStatus.Sending).SetProperty(r => r.LastTriedAt, now), cancellationToken);
        return claimed == 1 ? await db.CampaignReminders.SingleAsync(r => r.Id == id, cancellationToken) : null;
    }

    /// <summary>The reminder's text: plain, kind, and saying where to get help.</summary>
    public EmailMessage Message(ReminderKind kind, string to, string name, string programName, string codeTitle, int codeVersion, DateOnly deadline, string programSlug)
    {
        var link = new Uri(links.Base, $"my/commitments/sign?program={Uri.EscapeDataString(programSlug)}");
        var (subject, when) = kind switch
        {
            ReminderKind.Start => ("Please sign the new version of your code of ethics", $"Please sign it by {Display.Date(deadline)}."),
            ReminderKind.Week => ("One week left to sign your code of ethics", $"There is one week left: the last day to sign is {Display.Date(deadline)}."),
            ReminderKind.Day => ("Tomorrow is the last day to sign your code of ethics", $"The last day to sign is tomorrow, {Display.Date(deadline)}."),
            _ => ("Your signature on the code of ethics is overdue", $"The last day to sign was {Display.Date(deadline)}. Please sign it as soon as you can."),
        };
        var body = $"""
            Hello {name},

            {programName} has a new version of its code of ethics: version {codeVersion} of the {codeTitle}. Everyone certified or in training with the program signs each new version.

            {when}

            Sign it here: {link}

            You read the code, then the pledge with your name in it, and sign with your name and your password. It takes a few minutes.

            If anything makes this hard, or you have questions, please contact your program's registrar. They can help.

            PeerEthics, for {programName}
            """;
        return new EmailMessage(to, name, subject, body);
    }
}
