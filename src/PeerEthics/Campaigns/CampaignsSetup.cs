namespace PeerEthics.Campaigns;

public static class CampaignsSetup
{
    /// <summary>Re-commitment campaigns: starting one with a new code version, the dashboard, deadline changes, reminders.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddScoped<CampaignStarter>();
        services.AddScoped<CampaignDashboard>();
        services.AddScoped<CampaignDeadlines>();
        services.AddScoped<CampaignReminders>();
        return services;
    }

    /// <summary>The daily reminder job (web app only; <c>Campaigns:RemindDaily=false</c> turns it off).</summary>
    public static IServiceCollection AddCampaignReminderJob(this IServiceCollection services) =>
        services.AddHostedService<CampaignReminderJob>();
}
