using System.Globalization;
using System.Text.RegularExpressions;
using PeerEthics.Codes.Diff;
using PeerEthics.Codes.Import;
using PeerEthics.Tests.Codes.Themes;

namespace PeerEthics.Tests.Codes.Diff;

public sealed class VersionDifferTests
{
    private static readonly string[] Four =
    [
        "CMPS will respect the privacy and confidentiality of those they serve.",
        "CMPS will at all times, respect the rights and dignity of those they serve.",
        "CMPS will not enter into commitments that conflict with the interests of those they serve.",
        "CMPS will not exchange gifts of significant monetary value with those they serve.",
    ];

    [Fact]
    public void The_same_version_twice_has_no_changes()
    {
        var diff = VersionDiffer.Compare(Version(Four), Version(Four));

        Assert.False(diff.HasChanges);
        Assert.All(diff.Principles, c => Assert.Equal(ChangeKind.Unchanged, c.Kind));
        Assert.All(diff.Principles, c => Assert.False(c.Renumbered));
        Assert.Equal(Four, diff.Principles.Select(c => Assert.Single(c.Words).Text));
    }

    [Fact]
    public void A_reworded_principle_under_the_same_label_is_changed_word_by_word()
    {
        string[] reworded = [.. Four];
        reworded[3] = "CMPS will not exchange gifts of any monetary value with those they serve.";

        var diff = VersionDiffer.Compare(Version(Four), Version(reworded));

        Assert.Equal([ChangeKind.Unchanged, ChangeKind.Unchanged, ChangeKind.Unchanged, ChangeKind.Changed], Kinds(diff));
        var change = diff.Principles[3];
        Assert.Equal(("4.", "4."), (change.From!.Label, change.To!.Label));
        Assert.Equal(["significant"], Texts(change, DiffWordKind.Deleted));
        Assert.Equal(["any"], Texts(change, DiffWordKind.Inserted));
        AssertPiecesGiveBackBothTexts(change);
    }

    [Fact]
    public void A_principle_inserted_in_the_middle_renumbers_the_rest_without_changing_them()
    {
        string[] inserted = [Four[0], Four[1], "CMPS will keep current with emerging knowledge relevant to recovery.", Four[2], Four[3]];

        var diff = VersionDiffer.Compare(Version(Four), Version(inserted));

        Assert.Equal([ChangeKind.Unchanged, ChangeKind.Unchanged, ChangeKind.Added, ChangeKind.Unchanged, ChangeKind.Unchanged], Kinds(diff));
        Assert.Equal(["1.→1.", "2.→2.", "→3.", "3.→4.", "4.→5."], Labels(diff));
        Assert.Equal([false, false, false, true, true], diff.Principles.Select(c => c.Renumbered));
        Assert.Equal(inserted[2], Assert.Single(diff.Principles[2].Words, w => w.Kind == DiffWordKind.Inserted).Text);
        Assert.True(diff.HasChanges);
    }

    [Fact]
    public void A_deleted_principle_is_removed_where_it_stood_and_the_rest_renumbered()
    {
        string[] deleted = [Four[0], Four[2], Four[3]];

        var diff = VersionDiffer.Compare(Version(Four), Version(deleted));

        Assert.Equal([ChangeKind.Unchanged, ChangeKind.Removed, ChangeKind.Unchanged, ChangeKind.Unchanged], Kinds(diff));
        Assert.Equal(["1.→1.", "2.→", "3.→2.", "4.→3."], Labels(diff));
        Assert.Equal(Four[1], Assert.Single(diff.Principles[1].Words, w => w.Kind == DiffWordKind.Deleted).Text);
    }

    [Fact]
    public void Deleting_the_first_principle_puts_its_removal_first()
    {
        var diff = VersionDiffer.Compare(Version(Four), Version(Four[1..]));

        Assert.Equal(["1.→", "2.→1.", "3.→2.", "4.→3."], Labels(diff));
    }

    [Fact]
    public void A_principle_both_reworded_and_renumbered_is_still_recognised()
    {
        string[] next = ["CMPS will share their recovery stories.", Four[0], Four[1], Four[2], "CMPS will not exchange gifts of any value with those they serve."];

        var diff = VersionDiffer.Compare(Version(Four), Version(next));

        Assert.Equal([ChangeKind.Added, ChangeKind.Unchanged, ChangeKind.Unchanged, ChangeKind.Unchanged, ChangeKind.Changed], Kinds(diff));
        Assert.Equal("4.→5.", Labels(diff)[4]);
        Assert.Equal(["significant monetary"], Texts(diff.Principles[4], DiffWordKind.Deleted));
    }

    [Fact]
    public void A_principle_rewritten_entirely_under_its_label_is_changed_not_removed_and_added()
    {
        string[] next = [.. Four];
        next[1] = "Specialists shall honour every person.";

        var diff = VersionDiffer.Compare(Version(Four), Version(next));

        Assert.Equal(ChangeKind.Changed, diff.Principles[1].Kind);
        Assert.Equal(4, diff.Principles.Count);
        AssertPiecesGiveBackBothTexts(diff.Principles[1]);
    }

    [Fact]
    public void A_changed_pledge_is_diffed_word_by_word()
    {
        const string before = "I _____ commit myself to carrying out the fourteen principles listed above.";
        const string after = "I _____ commit myself to carrying out the fifteen principles listed above.";

        var diff = VersionDiffer.Compare(Version(Four, pledge: before), Version(Four, pledge: after));

        Assert.Equal(ChangeKind.Changed, diff.Pledge.Kind);
        Assert.Equal(["fourteen"], diff.Pledge.Words.Where(w => w.Kind == DiffWordKind.Deleted).Select(w => w.Text));
        Assert.Equal(["fifteen"], diff.Pledge.Words.Where(w => w.Kind == DiffWordKind.Inserted).Select(w => w.Text));
        Assert.True(diff.HasChanges);
        Assert.All(diff.Principles, c => Assert.Equal(ChangeKind.Unchanged, c.Kind));
    }

    [Fact]
    public void A_pledge_that_appears_or_disappears_is_added_or_removed()
    {
        const string pledge = "I commit myself to this code.";

        Assert.Equal(ChangeKind.Added, VersionDiffer.Compare(Version(Four), Version(Four, pledge: pledge)).Pledge.Kind);
        Assert.Equal(ChangeKind.Removed, VersionDiffer.Compare(Version(Four, pledge: pledge), Version(Four)).Pledge.Kind);
        Assert.Equal(ChangeKind.Unchanged, VersionDiffer.Compare(Version(Four), Version(Four)).Pledge.Kind);
    }

    [Fact]
    public void Title_and_preamble_changes_are_reported()
    {
        var older = Version(Four, title: "Code of Ethics", preamble: ["These principles guide CMPS.", "They bind trainees too."]);
        var newer = Version(Four, title: "Code of Ethics 2025", preamble: ["These principles guide every CMPS.", "They bind trainees too."]);

        var diff = VersionDiffer.Compare(older, newer);

        Assert.Equal(ChangeKind.Changed, diff.Title.Kind);
        Assert.Equal([" 2025"], diff.Title.Words.Where(w => w.Kind == DiffWordKind.Inserted).Select(w => w.Text));
        Assert.Equal(ChangeKind.Changed, diff.Preamble.Kind);
        Assert.Equal(["every "], diff.Preamble.Words.Where(w => w.Kind == DiffWordKind.Inserted).Select(w => w.Text));
    }

    [Fact]
    public void Every_principle_of_either_version_appears_exactly_once_even_between_different_codes()
    {
        var massachusetts = Version([.. SeedCodes.Massachusetts.Select(p => p.Text)]);
        var missouri = Version([.. SeedCodes.Missouri.Select(p => p.Text)]);

        var diff = VersionDiffer.Compare(massachusetts, missouri);

        Assert.Equal(massachusetts.Principles, diff.Principles.Where(c => c.From is not null).Select(c => c.From!).OrderBy(p => p.Line));
        Assert.Equal(missouri.Principles, diff.Principles.Where(c => c.To is not null).Select(c => c.To!));
        Assert.All(diff.Principles, AssertPiecesGiveBackBothTexts);
    }

    [Fact]
    public void A_seed_code_with_a_principle_inserted_reads_back_as_one_addition()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "content", "codes", "massachusetts-cps-code-of-ethics.txt");
        var source = File.ReadAllText(path);
        var numbered = new Regex(@"^(\d+)\.");
        var lines = source.Split('\n').Select(line => numbered.Replace(line, m => $"{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1}.")).ToList();
        lines.Insert(lines.FindIndex(numbered.IsMatch), "1. Certified Peer Specialists will act with honesty.");
        var edited = string.Join('\n', lines);

        var diff = VersionDiffer.Compare(CodeDocumentParser.Parse(source), CodeDocumentParser.Parse(edited));

        Assert.Equal(15, diff.Principles.Count);
        var added = Assert.Single(diff.Principles, c => c.Kind != ChangeKind.Unchanged);
        Assert.Equal((ChangeKind.Added, "1."), (added.Kind, added.To!.Label));
        Assert.Equal(14, diff.Principles.Count(c => c.Renumbered));
    }

    private static ParsedCode Version(string[] principles, string? title = "Code of Ethics", string[]? preamble = null, string? pledge = null) => new(
        title,
        null,
        preamble ?? [],
        [],
        [.. principles.Select((text, i) => new ParsedPrinciple($"{i + 1}.", false, text, null, null, null, i + 1))],
        pledge is null ? null : new ParsedPledge(pledge, pledge, []),
        [],
        [],
        [],
        [],
        []);

    private static List<ChangeKind> Kinds(VersionDiff diff) => [.. diff.Principles.Select(c => c.Kind)];

    private static List<string> Labels(VersionDiff diff) => [.. diff.Principles.Select(c => $"{c.From?.Label}→{c.To?.Label}")];

    private static List<string> Texts(PrincipleChange change, DiffWordKind kind) => [.. change.Words.Where(w => w.Kind == kind).Select(w => w.Text)];

    private static void AssertPiecesGiveBackBothTexts(PrincipleChange change)
    {
        Assert.Equal(change.From?.Text ?? "", string.Concat(change.Words.Where(w => w.Kind != DiffWordKind.Inserted).Select(w => w.Text)));
        Assert.Equal(change.To?.Text ?? "", string.Concat(change.Words.Where(w => w.Kind != DiffWordKind.Deleted).Select(w => w.Text)));
    }
}
