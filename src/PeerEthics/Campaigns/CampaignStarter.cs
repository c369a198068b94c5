using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Codes;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Programs;

namespace PeerEthics.Campaigns;

/// <summary>What the publisher says about the campaign a new version started.</summary>
public sealed record CampaignStarted(int Id, DateOnly OpensOn, DateOnly Deadline, int MustSign)
{
    /// <summary>One sentence for the staff page's confirmation.</summary>
    public string Sentence => $"A re-commitment campaign started: {Web.Display.Count(MustSign, "person", "people")} must sign it by {Web.Display.Date(Deadline)}.";
}

/// <summary>
/// Starts a re-commitment campaign for a newly published code version, in the publisher's unit of work (the version,
/// the campaign, its members and the audit entries commit together). The first version of a code starts none: there
/// is nothing to sign again.
/// </summary>
public sealed class CampaignStarter(PeerEthicsDb db, ProgramSettingsHistory settings, AuditLog audit)
{
    /// <summary>Who must sign a new version: certified specialists and trainees (not applicants, nor those whose credential ended or is paused).</summary>
    public static readonly IReadOnlyList<CredentialStatus> MustSign = [CredentialStatus.Certified, CredentialStatus.Trainee];

    /// <summary>
    /// Adds the campaign for <paramref name="version"/> (not saved yet) to the unit of work and ends the program's
    /// earlier open campaigns. Call <see cref="RecordStart"/> once saved, in the same transaction.
    /// </summary>
    public async Task<(Campaign? Started, IReadOnlyList<Campaign> Ended)> AddAsync(CredentialProgram program, CodeVersion version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (version.Number <= 1)
        {
            return (null, []);
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var opensOn = version.EffectiveDate > today ? version.EffectiveDate : today;
        var days = (await settings.InForceOnAsync(program.Id, today, cancellationToken))?.SignNewVersionDays ?? ProgramSettingsInput.DefaultSignNewVersionDays;
        var members = await db.Credentials.AsNoTracking()
            .Where(c => c.ProgramId == program.Id && MustSign.Contains(c.Status))
            .OrderBy(c => c.PersonId)
            .Select(c => new { c.Id, c.PersonId, c.Status })
            .ToListAsync(cancellationToken);
        var campaign = new Campaign
        {
            ProgramId = program.Id,
            CodeVersion = version,
            StartedAt = now,
            OpensOn = opensOn,
            Deadline = opensOn.AddDays(days),
            DaysToSign = days,
            Members = [.. members.Select(m => new CampaignMember { PersonId = m.PersonId, CredentialId = m.Id, StatusAtStart = m.Status })],
        };
        db.Campaigns.Add(campaign);

        var open = await db.Campaigns.Where(c => c.ProgramId == program.Id && c.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var earlier in open)
        {
            earlier.EndedAt = now;
            earlier.EndedReason = $"Version {version.Number} of the code was published: people sign that version instead.";
            earlier.Version++;
        }

        return (campaign, open);
    }

    /// <summary>The audit entries of a campaign saved with its version (their targets need its id); saved by the caller.</summary>
    public void RecordStart(Campaign campaign, CredentialProgram program, CodeVersion version, IEnumerable<Campaign> ended)
    {
        audit.Record("campaign.started", $"campaign:{campaign.Id}",
            detail: $"{program.Slug}, {program.Code.Slug} version {version.Number}: {campaign.Members.Count} must sign by {Web.Display.Iso(campaign.Deadline)} ({campaign.DaysToSign} days from {Web.Display.Iso(campaign.OpensOn)})");
        foreach (var earlier in ended)
        {
            audit.Record("campaign.ended", $"campaign:{earlier.Id}", detail: $"superseded by campaign:{campaign.Id} ({program.Code.Slug} version {version.Number})");
        }
    }
}
