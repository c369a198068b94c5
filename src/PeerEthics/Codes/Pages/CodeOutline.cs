using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;

namespace PeerEthics.Codes.Pages;

/// <summary>One principle as a page shows it: its place in the document, its themes, its lettered sub-items.</summary>
public sealed record OutlineItem(int Number, ParsedPrinciple Principle, IReadOnlyList<ThemeTag> Themes, List<OutlineItem> Children)
{
    /// <summary>The anchor of the principle on its page; by position, since printed labels repeat and hold dashes.</summary>
    public string Anchor => $"principle-{Number}";

    /// <summary>The principle's paragraphs (the parser keeps paragraph breaks as a blank line).</summary>
    public IEnumerable<string> Paragraphs => Principle.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A run of principles under the same section heading and the same lead-in sentence.</summary>
public sealed record OutlineGroup(string? Section, bool StartsSection, string? LeadIn, IReadOnlyList<OutlineItem> Items);

/// <summary>Shapes a parsed code for reading: sections, lead-ins and nested sub-items, and the pledge's blanks.</summary>
public static partial class CodeOutline
{
    public static IReadOnlyList<OutlineGroup> Build(ParsedCode document, IReadOnlyList<IReadOnlyList<ThemeTag>> themes)
    {
        var groups = new List<OutlineGroup>();
        List<OutlineItem>? items = null;
        (string? Section, string? LeadIn)? current = null;
        for (var i = 0; i < document.Principles.Count; i++)
        {
            var principle = document.Principles[i];
            var item = new OutlineItem(i + 1, principle, i < themes.Count ? themes[i] : [], []);
            if (current != (principle.Section, principle.LeadIn))
            {
                var startsSection = principle.Section is not null && principle.Section != current?.Section;
                items = [];
                groups.Add(new OutlineGroup(principle.Section, startsSection, principle.LeadIn, items));
                current = (principle.Section, principle.LeadIn);
            }

            // A lettered sub-item sits under the principle it belongs to, when that principle is in the same run.
            var parent = principle.Parent is null ? null : items!.LastOrDefault(p => p.Principle.Label == principle.Parent);
            (parent?.Children ?? items!).Add(item);
        }

        return groups;
    }

    /// <summary>
    /// The pledge as printed: its paragraphs, its line breaks, and each blank ("I _____ fully understand…") drawn
    /// as a line to write on that tells screen-reader users what it asks for. Built here, not in Razor, so no
    /// stray source whitespace lands between a blank and its words.
    /// </summary>
    public static IHtmlContent Pledge(ParsedPledge pledge)
    {
        var html = new HtmlContentBuilder();
        var blank = 0;
        foreach (var paragraph in pledge.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.AppendHtml("<p>");
            var lines = paragraph.Split('\n', StringSplitOptions.TrimEntries);
            for (var l = 0; l < lines.Length; l++)
            {
                if (l > 0)
                {
                    html.AppendHtml("<br>");
                }

                var at = 0;
                foreach (Match match in Blank().Matches(lines[l]))
                {
                    html.Append(lines[l][at..match.Index]);
                    var asks = blank < pledge.Blanks.Count ? pledge.Blanks[blank] : "answer";
                    html.AppendHtml("<span class=\"blank\"><span class=\"visually-hidden\">(blank for the ").Append(asks).AppendHtml(")</span></span>");
                    blank++;
                    at = match.Index + match.Length;
                }

                html.Append(lines[l][at..]);
            }

            html.AppendHtml("</p>");
        }

        return html;
    }

    /// <summary>"2006, 2008, 2013 and 2015".</summary>
    public static string Years(IReadOnlyList<ParsedRevision> revisions)
    {
        var years = revisions.Select(r => r.Year).Distinct().Order().Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        return years.Count == 1 ? years[0] : $"{string.Join(", ", years[..^1])} and {years[^1]}";
    }

    /// <summary>Where a principle is on its code's page.</summary>
    public static string Link(CodeVersionView code, ParsedPrinciple principle)
    {
        var number = 1 + code.Document.Principles.ToList().IndexOf(principle);
        return $"/codes/{Uri.EscapeDataString(code.Code)}/versions/{code.Version.Number}#principle-{number}";
    }

    [GeneratedRegex("_{3,}")]
    private static partial Regex Blank();
}
