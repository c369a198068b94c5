using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People.Import;
using PeerEthics.Tests.Infrastructure;
using static PeerEthics.Tests.People.Import.ImportFiles;

namespace PeerEthics.Tests.People.Import;

/// <summary><c>POST /api/people/import</c>: the file as a text/csv body, the report as JSON.</summary>
public sealed class PeopleImportApiTests
{
    private static ByteArrayContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Theory, AllDatabases]
    public async Task A_dry_run_answers_the_report_and_a_real_run_imports_the_sample(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var dry = await staff.PostAsync("/api/people/import?program=massachusetts-cps&dryRun=true&file=people.csv", Csv(Sample));
        var dryReport = await dry.Content.ReadFromJsonAsync<JsonElement>();
        var countsAfterDryRun = await CountsAsync(app);
        var real = await staff.PostAsync("/api/people/import?program=massachusetts-cps&file=people.csv", Csv(Sample));
        var realReport = await real.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.True(dryReport.GetProperty("dryRun").GetBoolean());
        Assert.False(dryReport.GetProperty("imported").GetBoolean());
        Assert.Equal(SampleRows, dryReport.GetProperty("rows").GetInt32());
        Assert.Equal(0, dryReport.GetProperty("problems").GetArrayLength());
        Assert.Equal(0, countsAfterDryRun.People);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.True(realReport.GetProperty("imported").GetBoolean());
        Assert.Equal("people.csv", realReport.GetProperty("file").GetString());
        Assert.Equal(SampleRows, (await CountsAsync(app)).People);
    }

    [Theory, AllDatabases]
    public async Task Problems_answer_422_with_every_problem_by_row_and_column_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Administrator);
        var text = SampleWith("Nadia Haddad,,nadia@example.org,,,,,certifed,,,") + "Omar Said,,omar@example.org,,,,,trainee,CPS-000130,,\n";

        var response = await staff.PostAsync("/api/people/import?program=massachusetts-cps", Csv(Utf8(text)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The file has problems; nothing was imported", problem.GetProperty("title").GetString());
        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Equal([(AddedRow, "status"), (AddedRow + 1, "credential_number")], problems);
        Assert.Equal((0, 0, 0, 0, 0, 0), await CountsAsync(app));
    }

    [Fact]
    public async Task An_unknown_program_or_a_file_not_in_utf8_is_a_400_naming_the_field_and_a_huge_file_a_413()
    {
        await using var app = new PeopleApp(DatabaseProvider.Sqlite).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var program = await staff.PostAsync("/api/people/import?program=nowhere", Csv(Sample));
        var latin1 = await staff.PostAsync("/api/people/import?program=massachusetts-cps", Csv(System.Text.Encoding.Latin1.GetBytes("legal_name,status\nZoë,trainee\n")));
        var huge = await staff.PostAsync("/api/people/import?program=massachusetts-cps", Csv(new byte[ImportFile.MaxBytes + 1]));

        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        Assert.StartsWith("There is no program 'nowhere'.", (await program.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("program")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, latin1.StatusCode);
        Assert.Contains("is not UTF-8 text", (await latin1.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("an import file can be at most 5 MB", (await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_specialist_or_a_registrar_without_a_second_factor_is_refused()
    {
        await using var app = new PeopleApp(DatabaseProvider.Sqlite).Started();

        var specialist = await app.CreateClientAs(Roles.PeerSpecialist).PostAsync("/api/people/import?program=massachusetts-cps", Csv(Sample));
        var noMfa = await app.CreateClientAs(Roles.Registrar, mfa: false).PostAsync("/api/people/import?program=massachusetts-cps", Csv(Sample));

        Assert.Equal(HttpStatusCode.Forbidden, specialist.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noMfa.StatusCode);
        Assert.Equal(0, (await CountsAsync(app)).People);
    }
}
