using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Programs;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.Programs;

/// <summary>Effective-dated program settings: shipped values to confirm, new versions, history, validation, who may.</summary>
public sealed class ProgramSettingsTests
{
    private static object Valid(string effective = "2026-11-23", decimal ce = 24, decimal ethics = 8) => new
    {
        effectiveFrom = effective,
        renewalCycleMonths = 36,
        ceHoursPerCycle = ce,
        ethicsHoursPerCycle = ethics,
        gracePeriodDays = 60,
        renewalWindowDays = 120,
        numberFormat = "MA-CPS-#####",
        note = "Board vote of 2026-11-01",
    };

    [Theory, AllDatabases]
    public async Task The_shipped_programs_start_with_settings_to_confirm_listed_publicly(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var client = app.CreateClient();

        var programs = await client.GetFromJsonAsync<JsonElement>("/api/programs");

        var list = programs.EnumerateArray().ToList();
        Assert.Equal(["massachusetts-cps", "missouri-cmps"], list.Select(p => p.GetProperty("slug").GetString()).Order());
        var ma = list.Single(p => p.GetProperty("slug").GetString() == "massachusetts-cps").GetProperty("settings");
        Assert.Equal(24, ma.GetProperty("renewalCycleMonths").GetInt32());
        Assert.Equal(20m, ma.GetProperty("ceHoursPerCycle").GetDecimal());
        Assert.Equal(6m, ma.GetProperty("ethicsHoursPerCycle").GetDecimal());
        Assert.Equal("CPS-######", ma.GetProperty("numberFormat").GetString());
        Assert.True(ma.GetProperty("toConfirm").GetBoolean());
    }

    [Theory, AllDatabases]
    public async Task The_settings_page_says_shipped_values_are_to_confirm_not_facts_of_the_code(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var client = app.CreateClientAs(Roles.Registrar);

        var page = await Html.GetAsync(client, "/staff/programs/massachusetts-cps");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Settings to confirm, not facts of the code", page.TextOf("to-confirm"), StringComparison.Ordinal);
        Assert.Contains("24 months", page.TextOf("in-force"), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_new_version_keeps_the_old_one_in_history_and_comes_into_force_on_its_date(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var staff = app.CreateClientAs(Roles.Registrar);

        var added = await staff.PostAsJsonAsync("/api/programs/massachusetts-cps/settings", Valid(effective: "2027-01-01"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var detail = await staff.GetFromJsonAsync<JsonElement>("/api/programs/massachusetts-cps");
        Assert.Equal(2, detail.GetProperty("history").GetArrayLength());
        Assert.Equal(24, detail.GetProperty("settings").GetProperty("renewalCycleMonths").GetInt32());

        app.Clock.Advance(TimeSpan.FromDays(39)); // 2027-01-01
        var later = await staff.GetFromJsonAsync<JsonElement>("/api/programs/massachusetts-cps");
        Assert.Equal(36, later.GetProperty("settings").GetProperty("renewalCycleMonths").GetInt32());
        Assert.False(later.GetProperty("settings").GetProperty("toConfirm").GetBoolean());
        Assert.Equal("MA-CPS-#####", later.GetProperty("settings").GetProperty("numberFormat").GetString());

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "program.settings-added");
        Assert.Equal("program:massachusetts-cps", entry.Target);
        Assert.Contains("36-month cycle", entry.Detail, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Invalid_settings_are_refused_naming_the_field_and_change_nothing(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var staff = app.CreateClientAs(Roles.Administrator);

        var tooManyEthics = await staff.PostAsJsonAsync("/api/programs/missouri-cmps/settings", Valid(ce: 10, ethics: 12));
        var inThePast = await staff.PostAsJsonAsync("/api/programs/missouri-cmps/settings", Valid(effective: "2026-01-01"));

        Assert.Equal(HttpStatusCode.BadRequest, tooManyEthics.StatusCode);
        var problem = await tooManyEthics.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("cannot be more than 10", problem.GetProperty("errors").GetProperty("ethicsHoursPerCycle")[0].GetString(), StringComparison.Ordinal);
        var past = await inThePast.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(past.GetProperty("errors").TryGetProperty("effectiveFrom", out _));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal(1, await db.ProgramSettings.CountAsync(s => s.Program.Slug == "missouri-cmps"));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "program.settings-added"));
    }

    [Theory, AllDatabases]
    public async Task The_page_form_re_shows_typed_values_with_an_error_naming_the_field(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var staff = app.CreateClientAs(Roles.Registrar);

        var page = await FormPost.PostForPageAsync(staff, "/staff/programs/massachusetts-cps", FormPost.Fields(
            ("effectiveFrom", "2026-12-01"), ("renewalCycleMonths", "two years"), ("ceHoursPerCycle", "20"),
            ("ethicsHoursPerCycle", "6"), ("gracePeriodDays", "90"), ("renewalWindowDays", "90"),
            ("numberFormat", "CPS-######"), ("note", "my careful note")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The renewal cycle in months must be a whole number", page.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("value=\"two years\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("my careful note", page.Markup, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().ProgramSettings.CountAsync(s => s.Program.Slug == "massachusetts-cps"));
    }

    [Theory, AllDatabases]
    public async Task The_page_form_adds_a_version_and_redirects(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var staff = app.CreateClientAs(Roles.Registrar);

        var response = await FormPost.PostAsync(staff, "/staff/programs/massachusetts-cps", FormPost.Fields(
            ("effectiveFrom", "2026-11-23"), ("renewalCycleMonths", "24"), ("ceHoursPerCycle", "20"),
            ("ethicsHoursPerCycle", "6"), ("gracePeriodDays", "90"), ("renewalWindowDays", "90"),
            ("numberFormat", "CPS-######"), ("signNewVersionDays", "45"), ("note", "Confirmed by the board")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(staff, response.Headers.Location!.ToString());
        Assert.DoesNotContain("id=\"to-confirm\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Confirmed by the board", page.TextOf("history"), StringComparison.Ordinal);
        Assert.Contains("45 days", page.TextOf("in-force-sign-days"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.PeerSpecialist, true, HttpStatusCode.Forbidden)]
    [InlineData(Roles.EthicsReviewer, true, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Registrar, false, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Registrar, true, HttpStatusCode.Created)]
    [InlineData(Roles.Administrator, true, HttpStatusCode.Created)]
    public async Task Only_registrars_and_administrators_with_a_second_factor_add_settings(string? role, bool mfa, HttpStatusCode expected)
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        var client = role is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : app.CreateClientAs(role, mfa);

        var response = await client.PostAsJsonAsync("/api/programs/massachusetts-cps/settings", Valid());
        var page = await client.GetAsync("/staff/programs/massachusetts-cps");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created ? HttpStatusCode.OK : HttpStatusCode.Redirect, page.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task A_settings_version_cannot_be_changed_in_place(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var settings = await db.ProgramSettings.FirstAsync();

        settings.CeHoursPerCycle = 1;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("immutable", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CPS-######", "CPS-000042", 42L)]
    [InlineData("MO###X", "MO042X", 42L)]
    [InlineData("CPS-######", "CPS-00004", null)]
    [InlineData("CPS-######", "cps-000042", null)]
    [InlineData("CPS-######", "CPS-000000", null)]
    public void A_number_format_reads_its_own_numbers_only(string template, string number, long? sequence)
    {
        var format = CredentialNumberFormat.Parse(template)!;

        Assert.Equal(sequence, format.SequenceOf(number));
        if (sequence is { } s)
        {
            Assert.Equal(number, format.Format(s));
        }
    }

    [Theory]
    [InlineData("", "Enter a credential number format")]
    [InlineData("CPS-##-##", "exactly one run")]
    [InlineData("CPS-##", "between 3 and 9")]
    [InlineData("cps-####", "character it cannot use")]
    public void A_bad_number_format_is_refused_with_the_rule(string template, string message)
    {
        Assert.False(CredentialNumberFormat.TryParse(template, out _, out var problem));
        Assert.Contains(message, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_programs_list_command_prints_the_settings_as_json()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var result = await cli.RunAsync("programs", "list", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var missouri = json.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "missouri-cmps");
        Assert.Equal("CMPS-######", missouri.GetProperty("settings").GetProperty("numberFormat").GetString());
        Assert.Equal(24, missouri.GetProperty("settings").GetProperty("renewalCycleMonths").GetInt32());
    }
}
