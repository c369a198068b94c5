using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Campaigns;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Accounts;
using PeerEthics.Tests.Commitments;
using PeerEthics.Tests.ContinuingEducation;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Campaigns;

/// <summary>Email reminders at the start, a week before, a day before and once overdue: each once, failures kept and retried.</summary>
public sealed class CampaignReminderTests
{
    [Theory, AllDatabases]
    public async Task Reminders_go_on_exactly_the_start_a_week_before_a_day_before_and_the_day_after_the_deadline_and_never_twice(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        var ria = await app.CertifiedSpecialistAsync("Ria Reminded");
        var sig = await app.CertifiedSpecialistAsync("Sig Signer");
        var (lapsed, lapsedCredential) = await app.CertifiedAsync("Lou Lapsed", userEmail: null);
        var id = await app.CampaignAsync(); // opens 2026-11-23, deadline 2027-01-22
        await app.ChangeAsync(lapsed, lapsedCredential.Id, CredentialStatus.Lapsed); // no longer able to sign: no reminders

        var sentOn = new List<(DateOnly Day, int Sent)>();
        for (var day = CampaignApp.Day0; day <= new DateOnly(2027, 1, 25); day = day.AddDays(1))
        {
            app.SetDay(day);
            var run = await app.RemindAsync();
            var again = await app.RemindAsync(); // a second run the same day sends nothing
            Assert.Equal(0, again.Sent + again.Failed);
            if (run.Sent > 0)
            {
                sentOn.Add((day, run.Sent));
            }

            if (day == new DateOnly(2027, 1, 10))
            {
                Assert.Equal(System.Net.HttpStatusCode.Created, (await sig.Client.SignThroughApiAsync(Seeds.Massachusetts, "Sig Signer")).StatusCode);
            }
        }

        // Both at the start; Sig signed on 10 January, so after that only Ria is reminded.
        Assert.Equal([(CampaignApp.Day0, 2), (new DateOnly(2027, 1, 15), 1), (new DateOnly(2027, 1, 21), 1), (new DateOnly(2027, 1, 23), 1)], sentOn);
        var mail = app.Mail();
        var toRia = mail.Where(m => m.To.Mailboxes.Any(b => b.Address == "ria.reminded@example.org")).Select(m => m.Subject).ToList();
        Assert.Equal(["Please sign the new version of your code of ethics", "One week left to sign your code of ethics",
            "Tomorrow is the last day to sign your code of ethics", "Your signature on the code of ethics is overdue"], toRia);
        Assert.Single(mail, m => m.To.Mailboxes.Any(b => b.Address == "sig.signer@example.org"));
        Assert.Equal(5, mail.Count);
        var first = mail.To("sig.signer@example.org");
        Assert.Contains("Hello Sig Signer", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("Please sign it by 22 January 2027.", first.TextBody, StringComparison.Ordinal);
        Assert.Equal("/my/commitments/sign?program=massachusetts-cps", first.LinkPath());
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal(5, await db.CampaignReminders.CountAsync(r => r.CampaignId == id && r.Status == ReminderStatus.Sent));
        Assert.Equal(5, await db.AuditEntries.CountAsync(e => e.Action == "campaign.reminder-sent" && e.Target == $"campaign:{id}"));
        Assert.False(await db.CampaignReminders.AnyAsync(r => r.PersonId == lapsed));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "campaign.reminder-sent" && e.Detail == $"person:{ria.PersonId}, overdue"));
    }

    [Theory, AllDatabases]
    public async Task A_reminder_that_cannot_be_sent_is_recorded_with_its_reason_and_sent_on_the_next_run(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        await app.CertifiedSpecialistAsync("Fay Failed");
        var id = await app.CampaignAsync();
        // The pickup folder cannot be made: a file stands where it should be.
        var folder = Path.Combine(app.DataDirectory, "mail");
        Directory.CreateDirectory(app.DataDirectory);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        await File.WriteAllTextAsync(folder, "not a folder");

        var failed = await app.RemindAsync();

        Assert.Equal((0, 1), (failed.Sent, failed.Failed));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var row = await db.CampaignReminders.AsNoTracking().SingleAsync();
            Assert.Equal((ReminderKind.Start, ReminderStatus.Failed, 1), (row.Kind, row.Status, row.Attempts));
            Assert.False(string.IsNullOrEmpty(row.LastError));
            var audited = await db.AuditEntries.SingleAsync(e => e.Action == "campaign.reminder-failed");
            Assert.Equal("failure", audited.Outcome);
        }

        var detail = await app.CampaignJsonAsync(id);
        Assert.Equal("failed", detail.GetProperty("notSigned")[0].GetProperty("lastReminderStatus").GetString());
        Assert.Equal(1, detail.GetProperty("reminders")[0].GetProperty("failed").GetInt32());

        File.Delete(folder);
        app.SetDay(CampaignApp.Day0.AddDays(1));
        var retried = await app.RemindAsync();
        var third = await app.RemindAsync();

        Assert.Equal((1, 0), (retried.Sent, retried.Failed));
        Assert.Equal((0, 0), (third.Sent, third.Failed));
        Assert.Equal("Please sign the new version of your code of ethics", Assert.Single(app.Mail()).Subject);
        await using (var scope = app.Scope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().CampaignReminders.AsNoTracking().SingleAsync();
            Assert.Equal((ReminderStatus.Sent, 2), (row.Status, row.Attempts));
            Assert.Null(row.LastError);
        }
    }

    [Theory, AllDatabases]
    public async Task The_daily_job_sends_the_reminders_on_the_clock(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider, remindDaily: true).Started();
        await app.CertifiedSpecialistAsync("Jo Job");
        await app.CampaignAsync();

        app.Clock.Advance(CampaignReminderJob.FirstRunAfter); // wakes the job

        // The job sends, then records the reminder and its audit entry: wait for the last of these, up to 10 s.
        async Task<bool> RecordedAsync()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.AnyAsync(e => e.Action == "campaign.reminder-sent" && e.Actor == "system");
        }

        var recorded = false;
        for (var i = 0; i < 100 && !(recorded = await RecordedAsync()); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(recorded, "the daily job recorded no reminder within 10 s");
        Assert.Equal("Please sign the new version of your code of ethics", Assert.Single(app.Mail()).Subject);
    }
}
