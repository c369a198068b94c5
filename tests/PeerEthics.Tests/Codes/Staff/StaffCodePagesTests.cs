using System.Net;
using PeerEthics.Codes.Staff;
using PeerEthics.Data;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;
using static PeerEthics.Tests.Codes.Staff.StaffForms;

namespace PeerEthics.Tests.Codes.Staff;

/// <summary>The staff pages for codes: upload or paste, preview, publish. Each test has its own app.</summary>
public sealed class StaffCodePagesTests
{
    [Theory, AllDatabases]
    public async Task A_registrar_uploads_a_revised_code_checks_its_preview_and_publishes_it_and_the_code_page_shows_it(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var registrar = app.CreateClientAs("registrar");

        var saved = await PostNewDraftAsync(registrar, "missouri-cmps", file: ("missouri-2026.txt", Utf8(RevisedMissouri())));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draftUrl = saved.Headers.Location!.OriginalString;
        Assert.Matches("^/staff/codes/drafts/[0-9a-f-]{36}$", draftUrl);

        var preview = await Html.GetAsync(registrar, draftUrl);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Your document is saved as a draft", preview.Text, StringComparison.Ordinal);
        Assert.Contains("As the file missouri-2026.txt", preview.TextOf("draft-facts"), StringComparison.Ordinal);
        Assert.Contains("19 principles", preview.TextOf("draft-found"), StringComparison.Ordinal);
        Assert.Contains("Line 30: The label \"20.\" is out of sequence.", preview.TextOf("warning-list"), StringComparison.Ordinal);
        Assert.Contains($"The line reads: 20. {AddedPrinciple}", preview.TextOf("warning-list"), StringComparison.Ordinal);
        Assert.StartsWith("Yes. All 469 words of the document are kept", preview.TextOf("lossless-result"), StringComparison.Ordinal);
        Assert.Contains("1 principle added", preview.TextOf("change-counts"), StringComparison.Ordinal);
        Assert.Contains("18 principles unchanged", preview.TextOf("change-counts"), StringComparison.Ordinal);
        Assert.Contains("Principle 20. added", preview.Text, StringComparison.Ordinal);
        Assert.Equal("Not published", preview.TextOf("draft-status"));

        var before = await CountsAsync(app);
        var confirm = await ReadAsync(await PostDateAsync(registrar, draftUrl, "publish", "23", "11", "2026"));
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal("Publish version 2 of this code?", confirm.TextOf("confirm-title"));
        Assert.Equal("23 November 2026", confirm.TextOf("confirm-effective"));
        Assert.Contains("becomes the version in force at once, in place of version 1", confirm.TextOf("confirm-what-happens"), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));

        var published = await PostDateAsync(registrar, draftUrl, "confirm", "23", "11", "2026");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("/codes/missouri-cmps/versions/2", published.Headers.Location!.OriginalString);
        var versionPage = await Html.GetAsync(registrar, "/codes/missouri-cmps/versions/2");
        Assert.Contains("Version 2 of this code is published. It is in force from 23 November 2026.", versionPage.TextOf("confirmation"), StringComparison.Ordinal);

        var codePage = await Html.GetAsync(app.CreateClient(), "/codes/missouri-cmps");
        Assert.Contains("2 (in force now)", codePage.TextOf("version-facts"), StringComparison.Ordinal);
        Assert.Contains(AddedPrinciple, codePage.Text, StringComparison.Ordinal);

        var entry = Assert.Single(await AuditAsync(app, "code.version-published"), e => e.Target == "code:missouri-cmps/2");
        Assert.Equal("test-registrar", entry.Actor);
        Assert.StartsWith("effective 2026-11-23", entry.Detail, StringComparison.Ordinal);
        var draftCreated = Assert.Single(await AuditAsync(app, CodeDraftStore.Created));
        Assert.Equal(CodeDraftStore.Target(Guid.Parse(draftUrl[^36..])), draftCreated.Target);

        var afterwards = await Html.GetAsync(registrar, draftUrl);
        Assert.StartsWith("Published: this exact text is version 2", afterwards.TextOf("draft-status"), StringComparison.Ordinal);
        Assert.Contains("already version 2", afterwards.TextOf("already-published"), StringComparison.Ordinal);
        var list = await Html.GetAsync(registrar, "/staff/codes");
        Assert.Contains("Published as version 2", list.TextOf("draft-list"), StringComparison.Ordinal);
        Assert.Matches(@"Version 2 ?, effective 23 November 2026 ?: in force", list.Text);
        Assert.Matches(@"Version 1 ?, effective 1 January 2015 ?: replaced", list.Text);
    }

    [Theory, AllDatabases]
    public async Task Pasted_text_becomes_a_draft_and_a_version_in_the_future_stays_out_of_force_until_its_day(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var administrator = app.CreateClientAs("administrator");

        var saved = await PostNewDraftAsync(administrator, "missouri-cmps", text: RevisedMissouri());
        var draftUrl = saved.Headers.Location!.OriginalString;
        var confirm = await ReadAsync(await PostDateAsync(administrator, draftUrl, "publish", "1", "2", "2027"));
        var published = await PostDateAsync(administrator, draftUrl, "confirm", "1", "2", "2027");

        Assert.Contains("comes into force on 1 February 2027; until then version 1 stays in force", confirm.TextOf("confirm-what-happens"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var codePage = await Html.GetAsync(app.CreateClient(), "/codes/missouri-cmps");
        Assert.Contains("1 (in force now)", codePage.TextOf("version-facts"), StringComparison.Ordinal);
        Assert.Contains("Version 2", codePage.TextOf("version-list"), StringComparison.Ordinal);
        Assert.Contains("As pasted text", (await Html.GetAsync(administrator, draftUrl)).TextOf("draft-facts"), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_wrong_effective_date_is_named_with_its_rule_the_values_are_kept_and_nothing_is_published(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var registrar = app.CreateClientAs("registrar");
        var draftUrl = (await PostNewDraftAsync(registrar, "missouri-cmps", text: RevisedMissouri())).Headers.Location!.OriginalString;
        var before = await CountsAsync(app);

        var empty = await ReadAsync(await PostDateAsync(registrar, draftUrl, "publish", "", "", ""));
        var noYear = await ReadAsync(await PostDateAsync(registrar, draftUrl, "publish", "1", "2", ""));
        var notReal = await ReadAsync(await PostDateAsync(registrar, draftUrl, "publish", "31", "2", "2027"));
        var tooEarly = await ReadAsync(await PostDateAsync(registrar, draftUrl, "publish", "31", "12", "2014"));
        var tooEarlyConfirmed = await ReadAsync(await PostDateAsync(registrar, draftUrl, "confirm", "31", "12", "2014"));

        Assert.All([empty, noYear, notReal, tooEarly, tooEarlyConfirmed], page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("<title>Error: ", page.Markup, StringComparison.Ordinal);
            Assert.Contains("There is a problem", page.TextOf("error-summary"), StringComparison.Ordinal);
        });
        Assert.Contains("Enter the effective date", empty.TextOf("Effective-error"), StringComparison.Ordinal);
        Assert.Contains("href=\"#EffectiveDay\"", empty.Markup, StringComparison.Ordinal);
        Assert.Contains("must include a year", noYear.TextOf("Effective-error"), StringComparison.Ordinal);
        Assert.Contains("href=\"#EffectiveYear\"", noYear.Markup, StringComparison.Ordinal);
        Assert.Contains("February 2027 has 28 days", notReal.TextOf("Effective-error"), StringComparison.Ordinal);
        Assert.Contains("31 December 2014, is before 1 January 2015, the effective date of version 1", tooEarly.TextOf("Effective-error"), StringComparison.Ordinal);
        Assert.Contains("value=\"2014\"", tooEarly.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", tooEarly.Markup, StringComparison.Ordinal);
        Assert.Contains("is before 1 January 2015", tooEarlyConfirmed.TextOf("Effective-error"), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, AllDatabases]
    public async Task A_document_that_cannot_be_read_is_refused_naming_the_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var registrar = app.CreateClientAs("registrar");
        var before = await CountsAsync(app);
        var latin1 = System.Text.Encoding.Latin1.GetBytes("Code of Ethics\n\n1. We respect each person’s right to choose – café.\n".Replace('’', '\''));

        var noProgram = await ReadAsync(await PostNewDraftAsync(registrar, "", text: RevisedMissouri()));
        var nothing = await ReadAsync(await PostNewDraftAsync(registrar, "missouri-cmps"));
        var both = await ReadAsync(await PostNewDraftAsync(registrar, "missouri-cmps", file: ("code.txt", Utf8(RevisedMissouri())), text: "Pasted too"));
        var pdf = await ReadAsync(await PostNewDraftAsync(registrar, "missouri-cmps", file: ("code.pdf", Utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"))));
        var oldEncoding = await ReadAsync(await PostNewDraftAsync(registrar, "missouri-cmps", file: ("code.txt", latin1)));
        var tooLarge = await ReadAsync(await PostNewDraftAsync(registrar, "missouri-cmps", file: ("huge.txt", Utf8(new string('a', (CodeDocumentBytesMax * 5 / 2) + 1)))));
        var empty = await ReadAsync(await PostNewDraftAsync(registrar, "missouri-cmps", file: ("empty.txt", Utf8("  \n"))));

        Assert.Contains("Choose the program whose code of ethics this is.", noProgram.TextOf("ProgramSlug-error"), StringComparison.Ordinal);
        Assert.Contains("20. CMPS will complete", noProgram.TextOf("Text"), StringComparison.Ordinal);
        Assert.Contains("Choose a file with the code of ethics, or paste its text", nothing.TextOf("Upload-error"), StringComparison.Ordinal);
        Assert.Contains("one way only", both.TextOf("Upload-error"), StringComparison.Ordinal);
        Assert.Contains("The file code.pdf is a PDF file, not plain text", pdf.TextOf("Upload-error"), StringComparison.Ordinal);
        Assert.Contains("The file code.txt is not UTF-8 text", oldEncoding.TextOf("Upload-error"), StringComparison.Ordinal);
        Assert.Contains("The file huge.txt is 2.5 MB: a code document can be at most 1 MB", tooLarge.TextOf("Upload-error"), StringComparison.Ordinal);
        Assert.Contains("The file empty.txt is empty", empty.TextOf("Upload-error"), StringComparison.Ordinal);
        Assert.All([noProgram, nothing, both, pdf, oldEncoding, tooLarge, empty], page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("<title>Error: Add a new version of a code", page.Markup, StringComparison.Ordinal);
        });
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, AllDatabases]
    public async Task A_draft_without_principles_is_kept_shown_with_why_it_cannot_be_published_and_can_be_discarded(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var registrar = app.CreateClientAs("registrar");
        var draftUrl = (await PostNewDraftAsync(registrar, "massachusetts-cps", text: "Code of Ethics\n\nWe will all be good to each other.\n")).Headers.Location!.OriginalString;

        var preview = await Html.GetAsync(registrar, draftUrl);
        Assert.Contains("No principles were found", preview.TextOf("problems") + preview.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish-form\"", preview.Markup, StringComparison.Ordinal);
        // A crafted post: the page itself offers no publish form. The token comes from another form.
        var refused = await ReadAsync(await PostDateAsync(registrar, draftUrl, "confirm", "1", "1", "2027", tokenFrom: "/staff/codes/new"));
        Assert.Contains("Nothing was published. No principles were found", refused.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Equal(1, (await CountsAsync(app)).Drafts);

        var token = await TokenAsync(registrar, $"{draftUrl}/discard");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var discarded = await registrar.PostAsync($"{draftUrl}/discard", form);

        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Equal(0, (await CountsAsync(app)).Drafts);
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync(draftUrl)).StatusCode);
        Assert.Single(await AuditAsync(app, CodeDraftStore.Discarded));
    }

    private const int CodeDocumentBytesMax = PeerEthics.Codes.Import.CodeDocumentBytes.MaxBytes;
}
