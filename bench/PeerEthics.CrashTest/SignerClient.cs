using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PeerEthics.CrashTest;

/// <summary>What a signing request came to, as the client saw it.</summary>
public enum Answer
{
    /// <summary>2xx with a commitment id: acknowledged (201 new, 200 a retry of a recorded one).</summary>
    Acknowledged,

    /// <summary>409: the person has signed the version in force already.</summary>
    AlreadySigned,

    /// <summary>401: the session is not (or no longer) valid.</summary>
    SignedOut,

    /// <summary>No answer after the request may have reached the server (dropped, reset, timed out): the outcome is unknown.</summary>
    NoAnswer,

    /// <summary>The connection was refused: the request never reached the server (it was down or starting).</summary>
    NotDelivered,

    /// <summary>Any other status: a bug to look at.</summary>
    Unexpected,
}

/// <summary>
/// HTTP as a signer's program speaks it: sign in on the sign-in page (its antiforgery token and cookie, then email and
/// password), keep the session cookie, and sign with <c>POST /api/my/commitments</c> and an <c>Idempotency-Key</c>.
/// One handler for every signer; cookies are kept per person, not in the handler.
/// </summary>
public sealed partial class SignerClient(Uri baseAddress) : IDisposable
{
    /// <summary>The name of the app's sign-in cookie (<c>Accounts/AccountsSetup</c>).</summary>
    public const string SessionCookie = "peerethics";

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
        MaxConnectionsPerServer = 64,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<bool> HealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("/health", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Signs in; the session cookie, or null when there was no answer. Throws when the app refuses (a bug here).</summary>
    public async Task<string?> SignInAsync(CrashPerson person, CancellationToken cancellationToken)
    {
        try
        {
            using var page = await _http.GetAsync("/account/sign-in", cancellationToken);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                return page.StatusCode >= HttpStatusCode.InternalServerError ? null : throw new InvalidOperationException($"GET /account/sign-in answered {(int)page.StatusCode}.");
            }

            var token = WebUtility.HtmlDecode(TokenField().Match(await page.Content.ReadAsStringAsync(cancellationToken)).Groups[1].Value);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
            {
                Content = new FormUrlEncodedContent([new("Email", person.Email), new("Password", CrashDatabase.Password), new("__RequestVerificationToken", token)]),
            };
            request.Headers.Add("Cookie", Cookies(page));
            using var response = await _http.SendAsync(request, cancellationToken);
            var session = Cookies(response);
            if (response.StatusCode != HttpStatusCode.Redirect || !session.Contains(SessionCookie + "=", StringComparison.Ordinal))
            {
                return response.StatusCode >= HttpStatusCode.InternalServerError ? null
                    : throw new InvalidOperationException($"Signing in as {person.Email} answered {(int)response.StatusCode} without a session.");
            }

            return session;
        }
        catch (Exception e) when (NoAnswer(e, cancellationToken))
        {
            return null;
        }
    }

    /// <summary>One signing request.</summary>
    public async Task<(Answer Answer, int Status, string? CommitmentId)> SignAsync(
        CrashPerson person, string session, string program, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/my/commitments")
            {
                Content = JsonContent.Create(new { program, typedName = person.LegalName, password = CrashDatabase.Password, confirm = true }),
            };
            request.Headers.Add("Cookie", session);
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            request.Headers.UserAgent.ParseAdd("PeerEthics.CrashTest/1.0");
            using var response = await _http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created or HttpStatusCode.OK:
                    using (var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)))
                    {
                        return (Answer.Acknowledged, status, json.RootElement.GetProperty("commitmentId").GetString());
                    }

                case HttpStatusCode.Conflict:
                    return (Answer.AlreadySigned, status, null);
                case HttpStatusCode.Unauthorized:
                    return (Answer.SignedOut, status, null);
                default:
                    return (Answer.Unexpected, status, null);
            }
        }
        catch (Exception e) when (NoAnswer(e, cancellationToken))
        {
            return (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } ? Answer.NotDelivered : Answer.NoAnswer, 0, null);
        }
    }

    /// <summary>Whether the public verification of a commitment says it is valid; null when it is not found.</summary>
    public async Task<bool?> VerifiesAsync(string commitmentId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"/api/commitments/{commitmentId}/verification", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("valid").GetBoolean();
    }

    // A killed server: refused, reset or half-read connections, and requests that outlive it. Not the run's own stop.
    private static bool NoAnswer(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose() => _http.Dispose();
}
