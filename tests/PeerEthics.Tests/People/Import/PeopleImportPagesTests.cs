using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People.Import;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Codes.Staff;
using PeerEthics.Tests.Infrastructure;
using static PeerEthics.Tests.People.Import.ImportFiles;

namespace PeerEthics.Tests.People.Import;

/// <summary>The staff pages: upload a file, read the report, confirm the import of exactly that file.</summary>
public sealed class PeopleImportPagesTests
{
    private const string Page = "/staff/people/import";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string program, byte[]? bytes, string fileName = "people.csv", bool withToken = true)
    {
        using var form = new MultipartFormDataContent { { new StringContent(program), "program" } };
        if (withToken)
        {
            form.Add(new StringContent(await StaffForms.TokenAsync(client, Page)), "__RequestVerificationToken");
        }

        if (bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", fileName);
        }

        return await client.PostAsync(Page, form);
    }

    [Theory, AllDatabases]
    public async Task Upload_then_report_then_confirm_imports_exactly_the_previewed_file_without_uploading_it_again(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var uploaded = await UploadAsync(staff, Seeds.Massachusetts, Sample);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var previewUrl = uploaded.Headers.Location!.OriginalString;
        Assert.Matches("^/staff/people/import/[0-9a-f]{64}\\?program=massachusetts-cps&name=people.csv$", previewUrl);
        var preview = await Html.GetAsync(staff, previewUrl);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("14", preview.TextOf("row-count"));
        Assert.Contains("Harbor Recovery Center", preview.TextOf("new-employers"), StringComparison.Ordinal);
        Assert.Equal("Import 14 people", preview.TextOf("import-confirm"));
        Assert.Equal("Importing people.csv adds 14 people with a Massachusetts Certified Peer Specialist (CPS) credential, 4 new employers, 4 new supervisors. Nothing is imported until you confirm.", preview.TextOf("import-summary"));
        Assert.Equal(0, (await CountsAsync(app)).People);

        var confirmed = await FormPost.PostAsync(staff, previewUrl, FormPost.Fields(("program", Seeds.Massachusetts), ("name", "people.csv")));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/staff/people", confirmed.Headers.Location!.OriginalString);
        var people = await Html.GetAsync(staff, "/staff/people");
        Assert.StartsWith("Imported 14 people with a Massachusetts Certified Peer Specialist (CPS) credential", people.TextOf("confirmation"), StringComparison.Ordinal);
        Assert.Equal((SampleRows, SampleRows, SampleRows, 4, 4, 1), await CountsAsync(app));
        // The kept file is gone once imported; its page says so rather than importing it again.
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataDirectory, "imports")));
        var after = await Html.GetAsync(staff, previewUrl);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
        Assert.Contains("This upload is not kept any more", after.TextOf("not-kept"), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_file_with_problems_shows_each_by_row_and_column_and_offers_no_import(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var uploaded = await UploadAsync(staff, Seeds.Massachusetts, Utf8(SampleWith("Nadia Haddad,,nadia.haddad.example.org,,,,,certified,CPS-000120,2025-05-01,2027-05-01")));
        var preview = await Html.GetAsync(staff, uploaded.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Nothing was imported people.csv has 1 problem in 1 row, listed below.", preview.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Equal($"{AddedRow} email The email address must look like name@example.org.", Cells(Regex.Match(preview.Markup, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value));
        Assert.DoesNotContain("id=\"import-confirm\"", preview.Markup, StringComparison.Ordinal);
        Assert.StartsWith("Error:", TitleOf(preview), StringComparison.Ordinal);

        // Posting the confirmation anyway imports nothing.
        var forced = await FormPost.PostForPageAsync(staff, Page, FormPost.Fields(("program", Seeds.Massachusetts), ("name", "people.csv")), uploaded.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Equal(0, (await CountsAsync(app)).People);
    }

    [Theory, AllDatabases]
    public async Task A_file_that_cannot_be_read_brings_the_form_back_naming_the_field_with_the_program_still_chosen(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var latin1 = await StaffForms.ReadAsync(await UploadAsync(staff, Seeds.Missouri, System.Text.Encoding.Latin1.GetBytes("legal_name,status\nZoë,trainee\n"), "old.csv"));
        var none = await StaffForms.ReadAsync(await UploadAsync(staff, "", null));

        Assert.Equal(HttpStatusCode.OK, latin1.Status);
        Assert.Contains("<a href=\"#file\">The file old.csv is not UTF-8 text", latin1.Markup, StringComparison.Ordinal);
        Assert.Contains("The file old.csv is not UTF-8 text", latin1.TextOf("file-error"), StringComparison.Ordinal);
        Assert.Matches("<option value=\"missouri-cmps\" selected=\"selected\">", latin1.Markup);
        Assert.StartsWith("Error:", TitleOf(latin1), StringComparison.Ordinal);
        Assert.Contains("<a href=\"#program\">Choose the program", none.Markup, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#file\">Choose the CSV file", none.Markup, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(app.DataDirectory, "imports")) ? Directory.GetFiles(Path.Combine(app.DataDirectory, "imports")) : []);
    }

    [Fact]
    public async Task The_form_lists_every_documented_column_and_refuses_a_post_without_its_antiforgery_token()
    {
        await using var app = new PeopleApp(DatabaseProvider.Sqlite).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var page = await Html.GetAsync(staff, Page);
        var refused = await UploadAsync(staff, Seeds.Massachusetts, Sample, withToken: false);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var column in ImportColumns.All)
        {
            Assert.Contains($"<code>{column.Name}</code>", page.Markup, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "imports")));
    }

    private static string TitleOf(Html page) => Regex.Match(page.Markup, "<title>(.*?)</title>").Groups[1].Value;

    private static string Cells(string rows) => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(rows, "<[^>]+>", " ")), "\\s+", " ").Trim();
}
