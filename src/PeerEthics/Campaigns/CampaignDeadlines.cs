using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People.Forms;
using PeerEthics.Programs;
using PeerEthics.Web;

namespace PeerEthics.Campaigns;

/// <summary>A new deadline as the page and the API receive it: the date as typed (yyyy-mm-dd) and why.</summary>
public sealed record DeadlineChangeInput(string? Deadline, string? Reason);

/// <summary>
/// Changes a campaign's deadline: a new date and a reason, both required; audited (<c>campaign.deadline-changed</c>) and
/// kept in the campaign's history. Anything wrong is refused naming the field and the rule, and nothing changes.
/// </summary>
public sealed class CampaignDeadlines(PeerEthicsDb db, AuditLog audit, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public async Task<Outcome<DateOnly>> ChangeAsync(int campaignId, DeadlineChangeInput input, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new Outcome<DateOnly>.NotFound($"campaign {campaignId}");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = Validate(input, campaign, today);
        if (errors.Any)
        {
            return new Outcome<DateOnly>.Refused(errors);
        }

        var deadline = DateOnly.ParseExact(input.Deadline!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reason = input.Reason!.Trim();
        var entry = audit.Record("campaign.deadline-changed", $"campaign:{campaign.Id}",
            detail: $"from {Display.Iso(campaign.Deadline)} to {Display.Iso(deadline)}: {reason}");
        db.CampaignDeadlineChanges.Add(new CampaignDeadlineChange
        {
            CampaignId = campaign.Id, From = campaign.Deadline, To = deadline, Reason = reason, At = entry.At, ChangedBy = entry.Actor, ChangedByName = entry.ActorName,
        });
        campaign.Deadline = deadline;
        campaign.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<DateOnly>.Refused(FieldErrors.One("deadline",
                "Someone else changed this campaign while you were editing it. Nothing was changed: look at the new deadline and try again."));
        }

        return new Outcome<DateOnly>.Done(deadline);
    }

    /// <summary>
    /// The rules: the campaign still runs; a real date, today or later, on or after the day signing opened, at most
    /// <see cref="ProgramSettingsInput.MaxSignNewVersionDays"/> days after it, and not the deadline it already has; a
    /// reason of at most <see cref="MaxReasonLength"/> characters.
    /// </summary>
    public static FieldErrors Validate(DeadlineChangeInput input, Campaign campaign, DateOnly today)
    {
        var errors = new FieldErrors();
        if (campaign.EndedAt is not null)
        {
            errors.Add("deadline", $"This campaign has ended ({campaign.EndedReason}) so its deadline cannot be changed.");
            return errors;
        }

        if (FormValues.Clean(input.Deadline) is not { } text)
        {
            errors.Add("deadline", "Enter the new deadline, the last day to sign, as year-month-day, such as 2027-03-31.");
        }
        else if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
        {
            errors.Add("deadline", $"The new deadline '{text}' is not a real date written as year-month-day, such as 2027-03-31.");
        }
        else if (deadline < today)
        {
            errors.Add("deadline", $"The new deadline must be today ({Display.Iso(today)}) or later: a deadline in the past would make people overdue at once.");
        }
        else if (deadline < campaign.OpensOn)
        {
            errors.Add("deadline", $"The new deadline must be on or after {Display.Iso(campaign.OpensOn)}, the day people can start signing this version.");
        }
        else if (deadline > campaign.OpensOn.AddDays(ProgramSettingsInput.MaxSignNewVersionDays))
        {
            errors.Add("deadline", $"The new deadline must be at most {ProgramSettingsInput.MaxSignNewVersionDays} days after signing opened, so on or before {Display.Iso(campaign.OpensOn.AddDays(ProgramSettingsInput.MaxSignNewVersionDays))}.");
        }
        else if (deadline == campaign.Deadline)
        {
            errors.Add("deadline", $"The deadline is already {Display.Iso(deadline)}. Enter a different date.");
        }

        if (FormValues.Clean(input.Reason) is not { } reason)
        {
            errors.Add("reason", "Enter why the deadline changes, such as the board's decision or a delay in the program's mail.");
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add("reason", $"The reason can be at most {MaxReasonLength} characters long.");
        }

        return errors;
    }
}
