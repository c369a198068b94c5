using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Campaigns;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.Campaigns;

/// <summary>
/// The app for campaign tests: people helpers, a registrar, publishing a revised Massachusetts code through the API,
/// and running the reminders on the fake clock. The daily reminder job is off unless <paramref name="remindDaily"/>.
/// </summary>
public sealed class CampaignApp(DatabaseProvider provider, bool remindDaily = false) : PeopleApp(provider)
{
    /// <summary>The fake clock's start (2026-11-23): a version effective that day opens then, and its deadline is 60 days later.</summary>
    public static readonly DateOnly Day0 = DateOnly.FromDateTime(Now.UtcDateTime);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (remindDaily)
        {
            builder.UseSetting(CampaignReminderJob.Setting, "true");
        }
    }

    public new CampaignApp Started()
    {
        _ = Server;
        return this;
    }

    public HttpClient Registrar() => this.CreateClientAs(Roles.Registrar);

    /// <summary>The Massachusetts code with one principle reworded (each <paramref name="wording"/> a different version).</summary>
    public static string Revised(string wording) =>
        Seeds.Text(Seeds.Massachusetts).Replace("relevant to recovery", $"relevant to recovery{wording}", StringComparison.Ordinal);

    /// <summary>Publishes a revised Massachusetts code through the staff API; returns the 201 response's JSON.</summary>
    public async Task<JsonElement> PublishAsync(DateOnly effective, string wording = " and to ethics")
    {
        var response = await Registrar().PostAsJsonAsync($"/api/codes/{Seeds.Massachusetts}/versions",
            new { text = Revised(wording), effective = effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Publishes and returns the id of the campaign it started.</summary>
    public async Task<int> CampaignAsync(DateOnly? effective = null, string wording = " and to ethics") =>
        (await PublishAsync(effective ?? Day0, wording)).GetProperty("campaign").GetProperty("id").GetInt32();

    public void SetDay(DateOnly day, int hour = 9) =>
        Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero));

    public async Task<RemindersRun> RemindAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<CampaignReminders>().RunAsync();
    }

    public async Task<JsonElement> CampaignJsonAsync(int id) =>
        await Registrar().GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
}
