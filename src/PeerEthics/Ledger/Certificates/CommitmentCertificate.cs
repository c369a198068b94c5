using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using QRCoder;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace PeerEthics.Ledger.Certificates;

/// <summary>What a certificate shows.</summary>
public sealed record CertificateContent(
    string Name,
    string ProgramName,
    string CodeTitle,
    int CodeVersion,
    string ContentHash,
    DateTimeOffset SignedAt,
    string CommitmentId,
    string Pledge,
    string VerifyUrl,
    string CodeText);

/// <summary>
/// The certificate of a commitment as a PDF (US Letter): the first page names the person, program, code title
/// and version, content hash, date and commitment id, quotes the pledge, and carries a QR code (also a link)
/// to the public verification page; the following pages hold the code's full text as signed. Set in DejaVu Sans
/// (shipped in <c>content/fonts</c>, embedded in the PDF): PdfPig's standard fonts print no accented letters,
/// and a certificate must spell a person's name right. DejaVu Sans covers Latin, Greek, Cyrillic and more; a
/// character it lacks (Chinese, say) prints as its unaccented letter or "?" — the ledger and the verification
/// page keep the exact text.
/// </summary>
public static class CommitmentCertificate
{
    private const double PageWidth = 612;
    private const double PageHeight = 792;
    private const double Margin = 60;
    private const double TextWidth = PageWidth - (2 * Margin);

    public static string FontPath => Path.Combine(AppContext.BaseDirectory, "content", "fonts", "DejaVuSans.ttf");

    private static readonly Lazy<byte[]> Font = new(() => File.ReadAllBytes(FontPath));

    private static readonly ConcurrentDictionary<char, bool> Coverage = new();
    private static readonly Lock ProbeLock = new();
    private static (PdfPageBuilder Page, PdfDocumentBuilder.AddedFont Font)? s_probe;

    /// <summary>Whether the font can draw <paramref name="c"/>; learnt character by character, once per process.</summary>
    private static bool IsCovered(char c) => Coverage.GetOrAdd(c, static c =>
    {
        lock (ProbeLock)
        {
            if (s_probe is null)
            {
                var builder = new PdfDocumentBuilder();
                s_probe = (builder.AddPage(PageWidth, PageHeight), builder.AddTrueTypeFont(Font.Value));
            }

            try
            {
                s_probe.Value.Page.MeasureText(c.ToString(), 10, new PdfPoint(0, 0), s_probe.Value.Font);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    });

    public static byte[] Create(CertificateContent content)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = $"Certificate of commitment {content.CommitmentId}";
        builder.DocumentInformation.Producer = "PeerEthics";
        // One embedded font for everything: each font embedded adds its whole file to the PDF.
        var regular = builder.AddTrueTypeFont(Font.Value);
        var bold = regular;
        var mono = regular;

        var page = builder.AddPage(PageWidth, PageHeight);
        var writer = new PageWriter(builder, page);
        writer.Centered("Certificate of Commitment", 24, bold);
        writer.Space(14);
        writer.Centered("This certifies that", 12, regular);
        writer.Space(6);
        writer.Centered(content.Name, 22, bold);
        writer.Space(6);
        writer.Centered("signed the pledge of", 12, regular);
        writer.Space(2);
        foreach (var line in writer.Wrap(content.CodeTitle, 14, bold))
        {
            writer.Centered(line, 14, bold);
        }

        writer.Centered($"version {content.CodeVersion.ToString(CultureInfo.InvariantCulture)}, for the {content.ProgramName}", 12, regular);
        writer.Space(14);
        writer.Paragraph($"\u201C{content.Pledge}\u201D", 11, regular);
        writer.Space(12);
        writer.Field("Signed on", content.SignedAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + " (UTC)", regular, bold);
        writer.Field("Commitment id", content.CommitmentId, mono, bold);
        writer.Field("Code content hash (SHA-256)", "", regular, bold);
        writer.Line(content.ContentHash, 9, mono);
        writer.Space(14);
        writer.Qr(content.VerifyUrl, 130);
        writer.Paragraph("Scan the code, or open this address, to check that this commitment is recorded in the ledger exactly as signed:", 10, regular);
        writer.Line(content.VerifyUrl, 9, mono);

        writer.NewPage();
        writer.Paragraph($"The code as signed: {content.CodeTitle}, version {content.CodeVersion.ToString(CultureInfo.InvariantCulture)}", 13, bold);
        writer.Space(8);
        foreach (var paragraph in content.CodeText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (paragraph.Trim().Length == 0)
            {
                writer.Space(6);
            }
            else
            {
                writer.Paragraph(paragraph, 10, regular);
            }
        }

        return builder.Build();
    }

    /// <summary>Writes lines top to bottom, starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocumentBuilder builder, PdfPageBuilder page)
    {
        private PdfPageBuilder _page = page;
        private double _y = PageHeight - Margin;

        public void Space(double points) => _y -= points;

        public void NewPage()
        {
            _page = builder.AddPage(PageWidth, PageHeight);
            _y = PageHeight - Margin;
        }

        public void Line(string text, double size, PdfDocumentBuilder.AddedFont font, double x = Margin)
        {
            Ensure(size * 1.4);
            _y -= size * 1.25;
            _page.AddText(Printable(text), size, new PdfPoint(x, _y), font);
            _y -= size * 0.15;
        }

        public void Centered(string text, double size, PdfDocumentBuilder.AddedFont font) =>
            Line(text, size, font, Math.Max(Margin, (PageWidth - Width(text, size, font)) / 2));

        public void Paragraph(string text, double size, PdfDocumentBuilder.AddedFont font)
        {
            foreach (var line in Wrap(text, size, font))
            {
                Line(line, size, font);
            }
        }

        public void Field(string label, string value, PdfDocumentBuilder.AddedFont valueFont, PdfDocumentBuilder.AddedFont labelFont)
        {
            Ensure(14);
            _y -= 13;
            var caption = $"{label}: ";
            _page.AddText(Printable(caption), 10, new PdfPoint(Margin, _y), labelFont);
            if (value.Length > 0)
            {
                _page.AddText(Printable(value), 10, new PdfPoint(Margin + Width(caption, 10, labelFont) + 2, _y), valueFont);
            }

            _y -= 3;
        }

        public void Qr(string url, double size)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            var matrix = data.ModuleMatrix;
            var module = size / matrix.Count;
            Ensure(size + 10);
            var left = (PageWidth - size) / 2;
            var top = _y;
            for (var row = 0; row < matrix.Count; row++)
            {
                var column = 0;
                while (column < matrix.Count)
                {
                    if (!matrix[row][column])
                    {
                        column++;
                        continue;
                    }

                    var start = column;
                    while (column < matrix.Count && matrix[row][column])
                    {
                        column++;
                    }

                    _page.DrawRectangle(new PdfPoint(left + (start * module), top - ((row + 1) * module)), (column - start) * module, module, 0, fill: true);
                }
            }

            _page.AddLink(url, new PdfRectangle(left, top - size, left + size, top));
            _y -= size + 6;
        }

        public IEnumerable<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font)
        {
            var line = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && Width(candidate, size, font) > TextWidth)
                {
                    yield return line.ToString();
                    line.Clear().Append(word);
                }
                else
                {
                    line.Clear().Append(candidate);
                }
            }

            if (line.Length > 0)
            {
                yield return line.ToString();
            }
        }

        private double Width(string text, double size, PdfDocumentBuilder.AddedFont font)
        {
            var letters = _page.MeasureText(Printable(text), size, new PdfPoint(0, 0), font);
            return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        }

        private void Ensure(double height)
        {
            if (_y - height < Margin)
            {
                NewPage();
            }
        }
    }

    /// <summary>The text with every character the font lacks replaced by its unaccented letter, or "?".</summary>
    internal static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (rune.IsBmp && IsCovered((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var bare = rune.ToString().Normalize(NormalizationForm.FormD)[0];
            builder.Append(Rune.IsWhiteSpace(rune) ? ' ' : rune.IsBmp && bare != rune.Value && IsCovered(bare) ? bare : '?');
        }

        return builder.ToString();
    }
}
