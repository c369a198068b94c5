using PeerEthics.Codes.Import;
using static PeerEthics.Tests.Codes.Import.CodeDocuments;

namespace PeerEthics.Tests.Codes.Import;

/// <summary>The two codes that ship with PeerEthics import to exactly what a careful reader sees.</summary>
public sealed class SeedCodeImportTests
{
    private const string Massachusetts = "massachusetts-cps-code-of-ethics.txt";
    private const string Missouri = "missouri-cmps-code-of-ethics.txt";

    private static readonly ParsedCode _massachusetts = CodeDocumentParser.Parse(Seed(Massachusetts));
    private static readonly ParsedCode _missouri = CodeDocumentParser.Parse(Seed(Missouri));

    [Theory]
    [InlineData(Massachusetts)]
    [InlineData(Missouri)]
    public void A_seed_keeps_every_word_in_order_and_reads_without_warnings(string file)
    {
        var source = Seed(file);

        var parsed = ParseChecked(source);

        Assert.Empty(parsed.Warnings);
        Assert.Empty(parsed.OtherText);
    }

    [Fact]
    public void Massachusetts_has_its_title_and_names_no_issuer()
    {
        Assert.Equal("Certified Peer Specialists Code of Ethics Massachusetts", _massachusetts.Title);
        Assert.Null(_massachusetts.Issuer);
        Assert.Empty(_massachusetts.Sections);
    }

    [Fact]
    public void Massachusetts_has_fourteen_principles_labelled_one_to_fourteen_with_their_full_texts()
    {
        Assert.Equal(Enumerable.Range(1, 14).Select(n => $"{n}."), _massachusetts.Principles.Select(p => p.Label));
        Assert.All(_massachusetts.Principles, p => Assert.False(p.LabelSynthesized));
        Assert.All(_massachusetts.Principles.Skip(1), p => Assert.StartsWith("Certified Peer Specialists", p.Text, StringComparison.Ordinal));
        Assert.Equal(
            "The primary responsibility of Certified Peer Specialists is to help people achieve what they want most in life, their own goals, "
            + "needs and wants. Certified Peer Specialists will be guided by the principles of self-determination for all.",
            _massachusetts.Principles[0].Text);
        Assert.Equal(
            "Certified Peer Specialists will advocate for the full integration of individuals into the communities of their choice and will "
            + "promote the inherent value of these individuals to those communities. Certified Peer Specialists will be directed by the knowledge "
            + "that all people have the right to live in the least restrictive and least intrusive environment of their choice.",
            _massachusetts.Principles[8].Text);
        Assert.Equal(
            "Certified Peer Specialists will not offer support to another when under the influence of alcohol or when impaired by any substance, "
            + "whether or not it is prescribed.",
            _massachusetts.Principles[13].Text);
        Assert.All(_massachusetts.Principles, p => Assert.Null(p.Parent));
        Assert.All(_massachusetts.Principles, p => Assert.Null(p.Section));
    }

    [Fact]
    public void Massachusetts_preamble_ends_with_the_line_that_professional_life_starts_today()
    {
        Assert.Equal(2, _massachusetts.Preamble.Count);
        Assert.StartsWith("The following principles will guide Certified Peer Specialists", _massachusetts.Preamble[0], StringComparison.Ordinal);
        Assert.Equal("In other words, your professional CPS life starts today !", _massachusetts.Preamble[1]);
        Assert.All(_massachusetts.Principles, p => Assert.Null(p.LeadIn));
    }

    [Fact]
    public void Massachusetts_pledge_is_the_signature_statement_with_blanks_for_name_signature_and_date()
    {
        var pledge = _massachusetts.Pledge;

        Assert.NotNull(pledge);
        Assert.StartsWith("I _____ fully understand the Code of Ethics and commit myself to carrying out the fourteen principles", pledge.Statement, StringComparison.Ordinal);
        Assert.EndsWith("obtaining a role as a Certified Peer Specialist.", pledge.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature", pledge.Statement, StringComparison.Ordinal);
        Assert.StartsWith(pledge.Statement, pledge.Text, StringComparison.Ordinal);
        Assert.EndsWith("Signature _____ Date: _____", pledge.Text, StringComparison.Ordinal);
        Assert.Equal(["name", "signature", "date"], pledge.Blanks);
    }

    [Fact]
    public void Massachusetts_revision_history_has_2006_2008_2013_and_2015_with_what_the_text_says_of_each()
    {
        Assert.Equal([2006, 2008, 2013, 2015], _massachusetts.Revisions.Select(r => r.Year));
        Assert.Equal(
            "Revised and Updated by members of the Massachusetts Consumer Operated Programs & Activities leadership in 2006.",
            _massachusetts.Revisions[0].Note);
        const string further = "Further revisions were done in the summer of 2008 and summer of 2013, and 2015 based on survey and other feedback from the field.";
        Assert.All(_massachusetts.Revisions.Skip(1), r => Assert.Equal(further, r.Note));
        var note = Assert.Single(_massachusetts.Elements, e => e.Kind == ElementKind.RevisionNote);
        Assert.StartsWith("Written and approved by the Georgia Mental Health Consumer Network", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Massachusetts_also_binds_training_participants()
    {
        Assert.Equal(["training participants"], _massachusetts.AlsoBinds);
    }

    [Fact]
    public void Massachusetts_elements_run_title_revision_note_preamble_principles_pledge()
    {
        ElementKind[] expected =
        [
            ElementKind.Title, ElementKind.RevisionNote, ElementKind.Preamble, ElementKind.Preamble,
            .. Enumerable.Repeat(ElementKind.Principle, 14), ElementKind.Pledge,
        ];

        Assert.Equal(expected, _massachusetts.Elements.Select(e => e.Kind));
        Assert.Equal(3, _massachusetts.Elements[0].Line);
        Assert.Equal("13. Certified Peer Specialists will never engage in sexual/intimate activities with those to whom they are currently providing support, or have worked with in a professional role in the past year.", _massachusetts.Elements[16].Text);
    }

    [Fact]
    public void Missouri_title_holds_the_whole_line_and_the_issuer_is_the_department_it_begins_with()
    {
        Assert.Equal("Missouri Department of Mental Health Certified Missouri Peer Specialist Code of Ethics", _missouri.Title);
        Assert.Equal("Missouri Department of Mental Health", _missouri.Issuer);
        Assert.Equal(_missouri.Title, Assert.Single(_missouri.Elements, e => e.Kind == ElementKind.Title).Text);
        Assert.Equal(5, _missouri.Elements[0].Line);
    }

    [Fact]
    public void Missouri_has_eighteen_principles_across_the_gap_between_thirteen_and_fourteen()
    {
        Assert.Equal(Enumerable.Range(1, 18).Select(n => $"{n}."), _missouri.Principles.Select(p => p.Label));
        Assert.Equal("CMPS will not exchange gifts of significant monetary value with those they serve.", _missouri.Principles[12].Text);
        Assert.Equal(
            "CMPS will take responsibility for maintaining the integrity and quality of job performance. This includes using work time to the "
            + "advantage of the consumers and always giving the best effort on the job.",
            _missouri.Principles[13].Text);
        Assert.Equal(
            "CMPS will provide services to meet the identified needs of the consumers and avoid providing services that are unnecessary or not "
            + "capable of producing the desired effect.",
            _missouri.Principles[17].Text);
        Assert.Equal(29, _missouri.Principles[17].Line);
    }

    [Fact]
    public void Missouri_lead_in_is_attached_to_every_principle()
    {
        const string leadIn = "Certified Missouri Peer Specialists (CMPS) will maintain high standards of professional conduct and ethics as embodied in the statements below:";

        Assert.All(_missouri.Principles, p => Assert.Equal(leadIn, p.LeadIn));
        Assert.Equal(leadIn, Assert.Single(_missouri.Elements, e => e.Kind == ElementKind.LeadIn).Text);
        Assert.Empty(_missouri.Preamble);
    }

    [Fact]
    public void Missouri_has_no_pledge_revisions_or_others_bound()
    {
        Assert.Null(_missouri.Pledge);
        Assert.Empty(_missouri.Revisions);
        Assert.Empty(_missouri.AlsoBinds);
    }

    [Theory]
    [InlineData(Massachusetts)]
    [InlineData(Missouri)]
    public void A_seed_survives_a_json_round_trip_unchanged(string file)
    {
        var parsed = CodeDocumentParser.Parse(Seed(file));

        var back = RoundTrip(parsed, out var json);

        Assert.Equal(json, ToJson(back));
        Assert.Equal(parsed.Principles, back.Principles.Select(p => p));
        Assert.Equal(parsed.Elements, back.Elements);
    }
}
