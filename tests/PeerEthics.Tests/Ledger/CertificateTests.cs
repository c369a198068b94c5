using System.Diagnostics;
using System.Net;
using PeerEthics.Codes.Import;
using PeerEthics.Data;
using PeerEthics.Ledger.Certificates;
using PeerEthics.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace PeerEthics.Tests.Ledger;

/// <summary>The certificate PDF: what it says, as pdftotext and PdfPig read it.</summary>
public sealed class CertificateTests
{
    private static CertificateContent Content(string name = "María José Núñez") => new(
        name, "Massachusetts Certified Peer Specialist (CPS)", "Certified Peer Specialists Code of Ethics Massachusetts", 1,
        CodeText.Hash(Seeds.Text(Seeds.Massachusetts)), PeerEthicsAppFactory.Now, "0f8fad5b-d9cb-469f-a165-70867728950e",
        $"I {name} fully understand the Code of Ethics and commit myself to carrying out the fourteen principles listed above.",
        "http://127.0.0.1:5080/verify/0f8fad5b-d9cb-469f-a165-70867728950e", CodeText.Canonicalize(Seeds.Text(Seeds.Massachusetts)));

    private static async Task<string> PdfToTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"certificate-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(path);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {error}");
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Pdftotext_reads_the_name_the_hash_the_id_and_the_whole_code_from_the_certificate()
    {
        var content = Content();
        var pdf = CommitmentCertificate.Create(content);

        var text = await PdfToTextAsync(pdf);

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.Contains(content.Name, text, StringComparison.Ordinal);
        Assert.Contains(content.ContentHash, text, StringComparison.Ordinal);
        Assert.Contains(content.CommitmentId, text, StringComparison.Ordinal);
        Assert.Contains("23 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("version 1", text, StringComparison.Ordinal);
        Assert.Contains(content.VerifyUrl, text, StringComparison.Ordinal);
        // The last principle, wrapped across lines, is on a following page.
        Assert.Contains("whether or not it is prescribed.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfPig_reads_the_name_and_hash_on_the_first_page_and_the_code_on_the_following_pages()
    {
        var content = Content();

        using var document = PdfDocument.Open(CommitmentCertificate.Create(content));
        var first = document.GetPage(1);
        var rest = string.Join(" ", document.GetPages().Skip(1).Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        Assert.Contains("María José Núñez", string.Join(" ", first.GetWords().Select(w => w.Text)), StringComparison.Ordinal);
        Assert.Contains(content.ContentHash, first.Text, StringComparison.Ordinal);
        Assert.Single(first.GetAnnotations(), a => a.Action is UglyToad.PdfPig.Actions.UriAction { Uri: var uri } && uri == content.VerifyUrl);
        Assert.True(first.Paths.Count > 100, "the QR code is drawn as filled modules");
        Assert.Contains("Certified Peer Specialists will never engage in sexual/intimate activities", rest, StringComparison.Ordinal);
        Assert.All(document.GetPages(), page => Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width - 50)));
    }

    [Fact]
    public void The_font_prints_names_in_many_scripts_and_what_it_lacks_as_a_question_mark()
    {
        Assert.Equal("Nguyễn Thị Ánh Łukasz Ævar Σοφία Дарья – “quoted”", CommitmentCertificate.Printable("Nguyễn Thị Ánh Łukasz Ævar Σοφία Дарья – “quoted”"));
        Assert.Equal("Wang ?? ?", CommitmentCertificate.Printable("Wang 李明 \U0001F600"));
    }

    [Fact]
    public async Task The_certificate_of_a_recorded_commitment_is_served_with_a_QR_code_to_its_verification_page()
    {
        var (app, appends) = await LedgerTestData.AppWithCommitmentsAsync(DatabaseProvider.Sqlite, 1);
        await using var _ = app;
        var id = appends[0].Entry.CommitmentId;

        var response = await app.CreateClient().GetAsync($"/commitments/{id}/certificate.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = await PdfToTextAsync(pdf);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Person 1", text, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:5080/verify/{id}", text, StringComparison.Ordinal);
        Assert.Contains("Massachusetts Certified Peer Specialist (CPS)", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/commitments/{Guid.NewGuid()}/certificate.pdf")).StatusCode);
    }
}
