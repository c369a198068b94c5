using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes.Staff;

/// <summary>
/// Filling in the staff forms as a browser does: the antiforgery token from the page the form is on (its cookie
/// stays in the client), then a post with the fields.
/// </summary>
internal static partial class StaffForms
{
    public const string AddedPrinciple = "CMPS will complete the continuing education their certification requires.";

    /// <summary>A revised Missouri code: a principle added, numbered 20 after 18, which the parser warns about.</summary>
    public static string RevisedMissouri() => Seeds.Text(Seeds.Missouri).TrimEnd() + $"\n20. {AddedPrinciple}\n";

    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var match = Token().Match(await page.Content.ReadAsStringAsync());
        Assert.True(match.Success, $"{url} has no antiforgery token");
        return match.Groups[1].Value;
    }

    /// <summary>Posts the new-draft form: a file (name and bytes) or pasted text, for a program.</summary>
    public static async Task<HttpResponseMessage> PostNewDraftAsync(HttpClient client, string? program, (string Name, byte[] Bytes)? file = null, string? text = null)
    {
        var token = await TokenAsync(client, "/staff/codes/new");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(program ?? ""), "program" },
            { new StringContent(text ?? ""), "Text" },
        };
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            form.Add(content, "Upload", f.Name);
        }

        return await client.PostAsync("/staff/codes/new", form);
    }

    /// <summary>Posts the publish form of a draft (handler "publish" asks to confirm; "confirm" publishes).</summary>
    public static async Task<HttpResponseMessage> PostDateAsync(HttpClient client, string draftUrl, string handler, string day, string month, string year, string? tokenFrom = null)
    {
        var token = await TokenAsync(client, tokenFrom ?? draftUrl);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["EffectiveDay"] = day,
            ["EffectiveMonth"] = month,
            ["EffectiveYear"] = year,
        });
        return await client.PostAsync($"{draftUrl}?handler={handler}", form);
    }

    public static async Task<Html> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await response.Content.ReadAsStringAsync());

    /// <summary>What the database holds that a staff form could change.</summary>
    public static async Task<(int Versions, int Drafts, int Audit)> CountsAsync(PeerEthicsAppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        return (await db.CodeVersions.CountAsync(), await db.CodeDrafts.CountAsync(), await db.AuditEntries.CountAsync());
    }

    public static async Task<List<AuditEntry>> AuditAsync(PeerEthicsAppFactory app, string action)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
