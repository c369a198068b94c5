using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Codes.Diff;

namespace PeerEthics.Codes.Pages;

/// <summary><c>/codes/{code}/diff?from=&amp;to=</c>: what changed, word by word, between two versions of a code.</summary>
public sealed class DiffModel(CodeReader reader) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    /// <summary>The newer of the two versions, or the only one: names the code and lists its versions.</summary>
    public CodeVersionView Code { get; private set; } = null!;

    public CodeVersionView? Older { get; private set; }

    public VersionDiff? Difference { get; private set; }

    public string CodeUrl => $"/codes/{Uri.EscapeDataString(Code.Code)}";

    public string Title => Code.Document.Title ?? Code.Version.Title;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(code, null, cancellationToken) is not { } inForce)
        {
            return NotFound();
        }

        Code = inForce;
        var versions = inForce.AllVersions;
        if (versions.Count < 2)
        {
            return Page();
        }

        // By default: the latest version against the one before it.
        To ??= versions[^1].Number;
        From ??= versions.LastOrDefault(v => v.Number < To)?.Number ?? versions[0].Number;
        var older = await reader.GetAsync(code, From, cancellationToken);
        var newer = await reader.GetAsync(code, To, cancellationToken);
        if (older is null || newer is null)
        {
            return NotFound();
        }

        (Code, Older) = (newer, older);
        Difference = VersionDiffer.Compare(older.Document, newer.Document);
        return Page();
    }

    /// <summary>
    /// Changed text with added words in <c>&lt;ins&gt;</c> and removed ones in <c>&lt;del&gt;</c>, each also announced
    /// in words ("added:", "removed:") since screen readers do not speak those elements and colour is not enough.
    /// Built here, not in Razor, so no source whitespace slips between the pieces.
    /// </summary>
    public static IHtmlContent Words(IReadOnlyList<DiffWord> words)
    {
        var html = new HtmlContentBuilder();
        foreach (var (kind, text) in Runs(words))
        {
            if (kind == DiffWordKind.Unchanged || string.IsNullOrWhiteSpace(text))
            {
                // A space that came or went is not worth a mark: say nothing of it.
                html.Append(kind == DiffWordKind.Deleted ? "" : text);
                continue;
            }

            var (tag, said) = kind == DiffWordKind.Inserted ? ("ins", "added") : ("del", "removed");
            html.AppendHtml($"<{tag}><span class=\"visually-hidden\">[{said}: </span>").Append(text).AppendHtml($"<span class=\"visually-hidden\">]</span></{tag}>");
        }

        return html;
    }

    /// <summary>Consecutive pieces of the same kind as one run, so a change reads as one phrase.</summary>
    private static IEnumerable<(DiffWordKind Kind, string Text)> Runs(IReadOnlyList<DiffWord> words)
    {
        var i = 0;
        while (i < words.Count)
        {
            var kind = words[i].Kind;
            var run = new System.Text.StringBuilder();
            while (i < words.Count && words[i].Kind == kind)
            {
                run.Append(words[i].Text);
                i++;
            }

            yield return (kind, run.ToString());
        }
    }
}
