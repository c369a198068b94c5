using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Commitments;
using PeerEthics.Data;
using PeerEthics.Ledger;
using PeerEthics.People;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.Commitments;

/// <summary>A person with a real account (password <see cref="TestUsers.Password"/>) linked to their record, and a client signed in as them.</summary>
public sealed record Signer(int PersonId, string UserId, string LegalName, HttpClient Client);

public static partial class Signers
{
    public const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) SigningTests";

    /// <summary>A trainee (or another status) of <paramref name="program"/> with an account in <paramref name="role"/>.</summary>
    public static async Task<Signer> SignerAsync(this PeopleApp app, string legalName, string program = Seeds.Massachusetts,
        CredentialStatus status = CredentialStatus.Trainee, string role = Roles.Trainee)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        var user = await app.CreateUserAsync(email, role);
        var personId = await app.AddPersonAsync(legalName, userEmail: email);
        await app.OpenAsync(personId, status, program);
        var client = app.CreateClientAs(user.Id, [role], mfa: Roles.IsStaff(role));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return new Signer(personId, user.Id, legalName, client);
    }

    /// <summary>Shows the signing page and submits its form as a browser would: its antiforgery token and its one-time key, then the fields.</summary>
    public static async Task<(HttpResponseMessage Response, string IdempotencyKey, IReadOnlyList<KeyValuePair<string, string>> Fields)> SignOnPageAsync(
        this Signer signer, string program, string? typedName, bool confirm, string? password, string? totp = null)
    {
        var url = $"/my/commitments/sign?program={program}";
        var page = await Html.GetAsync(signer.Client, url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {page.Status}");
        var key = KeyField().Match(page.Markup).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key), "the signing form has no idempotency key");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(Token().Match(page.Markup).Groups[1].Value)),
            new("idempotencyKey", key),
            new("typedName", typedName ?? ""),
            new("password", password ?? ""),
        };
        if (confirm)
        {
            fields.Add(new("confirm", "true"));
        }

        if (totp is not null)
        {
            fields.Add(new("totp", totp));
        }

        return (await signer.Client.PostAsync(url, new FormUrlEncodedContent(fields)), key, fields);
    }

    public static async Task<HttpResponseMessage> SignThroughApiAsync(this HttpClient client, string program, string typedName, string? key = null,
        string password = TestUsers.Password, bool confirm = true, string? totp = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/my/commitments")
        {
            Content = JsonContent.Create(new { program, typedName, password, totp, confirm }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    /// <summary>The commitment id a successful page signature redirects to.</summary>
    public static string SignedId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/my/commitments?signed=", location, StringComparison.Ordinal);
        return location["/my/commitments?signed=".Length..];
    }

    public static async Task<CommitmentRecord> RecordAsync(this PeerEthicsAppFactory app, string commitmentId)
    {
        await using var scope = app.Scope();
        var entry = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().LedgerEntries.AsNoTracking().SingleAsync(e => e.CommitmentId == commitmentId);
        return CommitmentRecord.FromPayload(entry.Payload)!;
    }

    public static async Task<(int Entries, int Commitments)> CountsAsync(this PeerEthicsAppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        return (await db.LedgerEntries.CountAsync(), await db.Commitments.CountAsync());
    }

    public static async Task<CodeVersionInForce> InForceAsync(this PeerEthicsAppFactory app, string program)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var programId = await db.Programs.Where(p => p.Slug == program).Select(p => p.Id).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<CommitmentIndex>().InForceAsync(programId))!;
    }

    [GeneratedRegex("name=\"idempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
