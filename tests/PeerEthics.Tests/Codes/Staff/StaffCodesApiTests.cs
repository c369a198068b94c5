using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;
using static PeerEthics.Tests.Codes.Staff.StaffForms;

namespace PeerEthics.Tests.Codes.Staff;

/// <summary><c>POST /api/codes/{code}/versions</c>: dry run, publish, and bad input answered with ProblemDetails. Each test has its own app.</summary>
public sealed class StaffCodesApiTests
{
    private const string Url = "/api/codes/missouri-cmps/versions";

    [Theory, AllDatabases]
    public async Task A_dry_run_answers_the_preview_and_stores_nothing_then_the_same_request_publishes(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var registrar = app.CreateClientAs(Roles.Registrar);
        var body = new { text = RevisedMissouri(), effective = "2026-12-01" };
        var before = await CountsAsync(app);

        var dry = await registrar.PostAsJsonAsync($"{Url}?dryRun=true", body);
        var afterDryRun = await CountsAsync(app);
        var published = await registrar.PostAsJsonAsync(Url, body);
        var again = await registrar.PostAsJsonAsync(Url, body);

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var preview = JsonDocument.Parse(await dry.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, preview.GetProperty("wouldBeVersion").GetInt32());
        Assert.True(preview.GetProperty("canPublish").GetBoolean());
        Assert.True(preview.GetProperty("lossless").GetProperty("lossless").GetBoolean());
        Assert.Equal("The label \"20.\" is out of sequence.", preview.GetProperty("warnings")[0].GetProperty("message").GetString());
        Assert.Equal(30, preview.GetProperty("warnings")[0].GetProperty("line").GetInt32());
        Assert.Equal(1, preview.GetProperty("changesFromVersionInForce").GetProperty("principles").EnumerateArray().Count(p => p.GetProperty("change").GetString() == "added"));
        Assert.Equal(19, preview.GetProperty("document").GetProperty("principles").GetArrayLength());
        Assert.Equal(before, afterDryRun);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal("/api/codes/missouri-cmps/versions/2", published.Headers.Location!.OriginalString);
        var version = JsonDocument.Parse(await published.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, version.GetProperty("version").GetInt32());
        Assert.Equal("2026-12-01", version.GetProperty("effectiveDate").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before.Versions + 1, (await CountsAsync(app)).Versions);
        Assert.Single(await AuditAsync(app, "code.version-published"), e => e.Target == "code:missouri-cmps/2" && e.Actor == "test-registrar");
    }

    [Theory, AllDatabases]
    public async Task A_file_sent_as_multipart_form_data_is_published(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Utf8("\uFEFF" + RevisedMissouri().Replace("\n", "\r\n", StringComparison.Ordinal))), "file", "missouri.txt" },
            { new StringContent("2026-11-23"), "effective" },
        };

        var response = await app.CreateClientAs(Roles.Administrator).PostAsync(Url, form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/codes/missouri-cmps");
        Assert.Equal(2, code.GetProperty("version").GetInt32());
    }

    [Theory, AllDatabases]
    public async Task Bad_input_is_answered_with_problem_details_naming_each_field_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var registrar = app.CreateClientAs(Roles.Registrar);
        var before = await CountsAsync(app);

        var missing = await registrar.PostAsJsonAsync(Url, new { });
        var badDate = await registrar.PostAsJsonAsync(Url, new { text = RevisedMissouri(), effective = "2027-02-30" });
        var tooEarly = await registrar.PostAsJsonAsync(Url, new { text = RevisedMissouri(), effective = "2014-06-01" });
        var tooEarlyDryRun = await registrar.PostAsJsonAsync($"{Url}?dryRun=true", new { text = RevisedMissouri(), effective = "2014-06-01" });
        var noPrinciples = await registrar.PostAsJsonAsync(Url, new { text = "Code of Ethics\n\nBe good.", effective = "2027-01-01" });
        var binary = await registrar.PostAsJsonAsync(Url, new { text = "Code\0of ethics", effective = "2027-01-01" });
        using var pdf = new MultipartFormDataContent { { new ByteArrayContent(Utf8("%PDF-1.4 ...")), "file", "code.pdf" }, { new StringContent("2027-01-01"), "effective" } };
        var pdfUpload = await registrar.PostAsync(Url, pdf);
        var unknown = await registrar.PostAsJsonAsync("/api/codes/kansas/versions", new { text = RevisedMissouri(), effective = "2027-01-01" });

        var missingErrors = await ErrorsAsync(missing);
        Assert.Contains("Give the code document's text", missingErrors["text"], StringComparison.Ordinal);
        Assert.Contains("Give the effective date", missingErrors["effective"], StringComparison.Ordinal);
        Assert.Contains("'2027-02-30' is not a real date", (await ErrorsAsync(badDate))["effective"], StringComparison.Ordinal);
        Assert.Contains("is before 1 January 2015, the effective date of version 1", (await ErrorsAsync(tooEarly))["effective"], StringComparison.Ordinal);
        Assert.Contains("is before 1 January 2015", (await ErrorsAsync(tooEarlyDryRun))["effective"], StringComparison.Ordinal);
        Assert.Contains("No principles were found", (await ErrorsAsync(noPrinciples))["document"], StringComparison.Ordinal);
        Assert.Contains("contains binary data", (await ErrorsAsync(binary))["text"], StringComparison.Ordinal);
        Assert.Contains("is a PDF file", (await ErrorsAsync(pdfUpload))["file"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await CountsAsync(app));
    }

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => string.Join(" ", p.Value.EnumerateArray().Select(m => m.GetString())));
    }
}
