using Microsoft.EntityFrameworkCore;

namespace PeerEthics.Campaigns;

/// <summary>
/// Once a day (by the app's clock), sends the campaign reminders due (<see cref="CampaignReminders"/>).
/// <c>Campaigns:RemindDaily=false</c> turns it off, e.g. where another server of the same database runs it, or in
/// tests that drive the clock themselves; <c>peerethics campaigns remind</c> does the same on demand.
/// </summary>
public sealed partial class CampaignReminderJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CampaignReminderJob> logger) : BackgroundService
{
    public const string Setting = "Campaigns:RemindDaily";

    /// <summary>Runs two minutes after start (after the lapse job's first run), then every day.</summary>
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(Setting, true))
        {
            return;
        }

        var wait = FirstRunAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = TimeSpan.FromDays(1);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var run = await scope.ServiceProvider.GetRequiredService<CampaignReminders>().RunAsync(stoppingToken);
                LogRun(logger, run.Sent, run.Failed);
            }
            catch (DbUpdateException exception)
            {
                // The database refused a write (busy, or a parallel run): what was not sent is tried again soon.
                LogFailed(logger, exception);
                wait = TimeSpan.FromMinutes(10);
            }
#pragma warning disable CA1031 // A failed run must not stop tomorrow's; it is logged.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
                wait = TimeSpan.FromHours(1);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign reminders: {Sent} sent, {Failed} failed (tried again next run).")]
    private static partial void LogRun(ILogger logger, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The campaign reminder run failed; it will try again later.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
