using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PeerEthics.Codes;

/// <summary>A code version as a file: Markdown, JSON or a standalone accessible HTML page.</summary>
public static class CodeExporter
{
    public static readonly IReadOnlyList<string> Formats = ["md", "json", "html"];

    /// <summary>Indented JSON that keeps dashes, quotes and accents readable (not for embedding in HTML).</summary>
    public static readonly JsonSerializerOptions ReadableJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Export(CodeVersionView view, string format) => format switch
    {
        "md" => Markdown(view),
        "json" => JsonSerializer.Serialize(CodeVersionResponse.From(view), ReadableJson),
        "html" => Html(view),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Formats are md, json and html."),
    };

    public static string MediaType(string format) => format switch
    {
        "md" => "text/markdown; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        _ => "text/html; charset=utf-8",
    };

    public static string Markdown(CodeVersionView view)
    {
        var doc = view.Document;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {doc.Title}\n\n");
        if (doc.Issuer is not null)
        {
            md.Append(CultureInfo.InvariantCulture, $"Issued by {doc.Issuer}.\n\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"Version {view.Version.Number}, in force from {view.Version.EffectiveDate:yyyy-MM-dd}. SHA-256 `{view.Version.ContentHash}`.\n\n");
        foreach (var paragraph in doc.Preamble)
        {
            md.Append(paragraph).Append("\n\n");
        }

        string? section = null;
        string? leadIn = null;
        foreach (var principle in doc.Principles)
        {
            if (principle.Section != section && principle.Section is not null)
            {
                md.Append(CultureInfo.InvariantCulture, $"## {principle.Section}\n\n");
            }

            if (principle.LeadIn != leadIn && principle.LeadIn is not null)
            {
                md.Append(principle.LeadIn).Append("\n\n");
            }

            (section, leadIn) = (principle.Section, principle.LeadIn);
            var indent = principle.Parent is null ? "" : "  ";
            md.Append(CultureInfo.InvariantCulture, $"{indent}- **{principle.Label}** {principle.Text.Replace("\n\n", "\n\n  " + indent, StringComparison.Ordinal)}\n");
        }

        if (doc.Pledge is { } pledge)
        {
            md.Append("\n## Pledge\n\n").Append(pledge.Text.Replace("\n", "  \n", StringComparison.Ordinal)).Append('\n');
        }

        if (doc.Revisions.Count > 0)
        {
            md.Append("\n## Revision history\n\n");
            foreach (var revision in doc.Revisions)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{revision.Year}** — {revision.Note}\n");
            }
        }

        foreach (var other in doc.OtherText)
        {
            md.Append('\n').Append(other).Append('\n');
        }

        return md.ToString();
    }

    public static string Html(CodeVersionView view)
    {
        var doc = view.Document;
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(doc.Title)}</title>
            <style>body{"{"}font-family:system-ui,sans-serif;line-height:1.6;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b{"}"}dt{"{"}font-weight:700{"}"}</style>
            </head>
            <body>
            <main>
            <h1>{E(doc.Title)}</h1>

            """);
        if (doc.Issuer is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Issued by {E(doc.Issuer)}.</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>Version {view.Version.Number}, in force from {view.Version.EffectiveDate:yyyy-MM-dd}. SHA-256 <code>{view.Version.ContentHash}</code>.</p>\n");
        foreach (var paragraph in doc.Preamble)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>\n");
        }

        html.Append("<h2>Principles</h2>\n<dl>\n");
        foreach (var principle in doc.Principles)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(principle.Label)}</dt><dd>{E(principle.Text).Replace("\n\n", "<br><br>", StringComparison.Ordinal)}</dd>\n");
        }

        html.Append("</dl>\n");
        if (doc.Pledge is { } pledge)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Pledge</h2>\n<p>{E(pledge.Text).Replace("\n", "<br>", StringComparison.Ordinal)}</p>\n");
        }

        if (doc.Revisions.Count > 0)
        {
            html.Append("<h2>Revision history</h2>\n<ul>\n");
            foreach (var revision in doc.Revisions)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><strong>{revision.Year}</strong>: {E(revision.Note)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
