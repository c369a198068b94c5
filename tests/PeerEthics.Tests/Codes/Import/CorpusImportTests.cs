using PeerEthics.Codes.Import;
using static PeerEthics.Tests.Codes.Import.CodeDocuments;

namespace PeerEthics.Tests.Codes.Import;

/// <summary>
/// Code documents as they are found in the wild (tests/PeerEthics.Tests/Codes/Corpus, kept byte for byte),
/// each read as a careful reader would read it.
/// </summary>
public sealed class CorpusImportTests
{
    public static TheoryData<string> Documents => [.. CorpusFiles];

    [Fact]
    public void The_corpus_has_at_least_fifteen_documents()
    {
        Assert.True(CorpusFiles.Count() >= 15, $"{CorpusFiles.Count()} documents in {CorpusDirectory}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_corpus_document_keeps_every_word_in_exactly_one_element_in_order(string file)
    {
        ParseChecked(Corpus(file));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_corpus_document_survives_a_json_round_trip(string file)
    {
        var parsed = CodeDocumentParser.Parse(Corpus(file));

        var back = RoundTrip(parsed, out var json);

        Assert.Equal(json, ToJson(back));
    }

    [Theory]
    [InlineData("massachusetts-hard-wrapped-crlf.txt", "massachusetts-cps-code-of-ethics.txt")]
    [InlineData("missouri-hard-wrapped-form-feed.txt", "missouri-cmps-code-of-ethics.txt")]
    public void A_seed_hard_wrapped_at_a_narrow_width_reads_exactly_like_the_seed(string wrapped, string seed)
    {
        var expected = CodeDocumentParser.Parse(Seed(seed));

        var parsed = ParseChecked(Corpus(wrapped));

        Assert.Equal(expected.Title, parsed.Title);
        Assert.Equal(expected.Issuer, parsed.Issuer);
        Assert.Equal(expected.Preamble, parsed.Preamble);
        Assert.Equal(expected.Principles.Select(p => (p.Label, p.Text, p.Section, p.LeadIn, p.Parent)), parsed.Principles.Select(p => (p.Label, p.Text, p.Section, p.LeadIn, p.Parent)));
        Assert.Equal(expected.Pledge?.Text, parsed.Pledge?.Text);
        Assert.Equal(expected.Pledge?.Statement, parsed.Pledge?.Statement);
        Assert.Equal(expected.Revisions, parsed.Revisions);
        Assert.Equal(expected.AlsoBinds, parsed.AlsoBinds);
        Assert.Equal(expected.Elements.Select(e => (e.Kind, e.Text)), parsed.Elements.Select(e => (e.Kind, e.Text)));
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void A_wrapped_line_that_begins_with_a_year_is_part_of_its_sentence()
    {
        var source = Corpus("massachusetts-hard-wrapped-crlf.txt");
        Assert.Contains("\r\n2015 based on survey", source, StringComparison.Ordinal);

        var parsed = ParseChecked(source);

        Assert.Contains(parsed.Revisions, r => r.Year == 2015 && r.Note.StartsWith("Further revisions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_byte_order_mark_crlf_and_non_breaking_space_change_nothing_a_reader_sees()
    {
        var source = Corpus("crlf-bom-curly-quotes.txt");
        Assert.StartsWith("\uFEFF", source, StringComparison.Ordinal);
        Assert.Contains("\r\n", source, StringComparison.Ordinal);

        var parsed = ParseChecked(source);

        Assert.Equal("Peer Recovery Specialist Code of Ethics", parsed.Title);
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6."], parsed.Principles.Select(p => p.Label));
        Assert.Equal("Respect the rights, dignity and choices of those I support – without exception.", parsed.Principles[2].Text);
        Assert.All(parsed.Principles, p => Assert.Equal("As a Peer Recovery professional, I will:", p.LeadIn));
        Assert.Empty(parsed.Warnings);
        Assert.DoesNotContain(parsed.Elements, e => e.Text.Contains('\r', StringComparison.Ordinal) || e.Text.Contains('\uFEFF', StringComparison.Ordinal));
    }

    [Fact]
    public void Curly_quotes_en_dashes_and_ellipses_are_kept_as_printed()
    {
        var parsed = ParseChecked(Corpus("crlf-bom-curly-quotes.txt"));

        Assert.Contains("We call it “walking the talk”; others call it ‘integrity’…", parsed.Preamble[0], StringComparison.Ordinal);
        Assert.Contains("from a peer – and what", parsed.Preamble[0], StringComparison.Ordinal);
        Assert.Equal("Never accept gifts of more than nominal value…", parsed.Principles[4].Text);
        Assert.Equal("Seek supervision when I am unsure what the “right thing” is.", parsed.Principles[5].Text);
    }

    [Fact]
    public void A_pledge_with_a_comma_and_a_captioned_signature_line_asks_for_name_signature_and_date()
    {
        var pledge = ParseChecked(Corpus("crlf-bom-curly-quotes.txt")).Pledge;

        Assert.NotNull(pledge);
        Assert.Equal("I, ________________, agree to uphold this Code of Ethics.", pledge.Statement);
        Assert.Equal(["name", "signature", "date"], pledge.Blanks);
        Assert.EndsWith("Signature: ____________________ Date: __________", pledge.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parenthesis_numbers_carry_lettered_sub_items_whose_parent_is_the_numbered_item()
    {
        var parsed = ParseChecked(Corpus("paren-numbers-with-letter-subitems.txt"));

        Assert.Equal(["1)", "2)", "a)", "b)", "c)", "3)", "4)"], parsed.Principles.Select(p => p.Label));
        Assert.Equal([null, null, "2)", "2)", "2)", null, null], parsed.Principles.Select(p => p.Parent));
        Assert.Equal("lend or borrow money;", parsed.Principles[2].Text);
        Assert.All(parsed.Principles, p => Assert.Equal("Recovery coaches agree to the following:", p.LeadIn));
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void Numbers_inside_wrapped_sentences_are_not_labels()
    {
        var parsed = ParseChecked(Corpus("parenthesized-numbers-wrapped.txt"));

        Assert.Equal(["(1)", "(2)", "(3)", "(4)", "(5)"], parsed.Principles.Select(p => p.Label));
        Assert.Equal(
            "A peer specialist shall keep records as the program requires under (4-100) and shall keep them locked when not in use.",
            parsed.Principles[1].Text);
        Assert.Equal(
            "A peer specialist shall report suspected abuse as the law requires, as set out in section 9. of the regulations and in the program manual.",
            parsed.Principles[2].Text);
        Assert.EndsWith("of which at least 3 hours must address ethics.", parsed.Principles[3].Text, StringComparison.Ordinal);
        Assert.Contains("directive 885-07 (4-100) and the training rules adopted in the year 2015 based on comment from the field:", parsed.Principles[0].LeadIn, StringComparison.Ordinal);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void Roman_headings_over_compound_labels_are_sections_and_the_labels_are_kept_as_printed()
    {
        var parsed = ParseChecked(Corpus("roman-sections-compound-labels.txt"));

        Assert.Equal(
            ["I. Responsibility to Those Served", "II. Responsibility to Colleagues", "III. Fundamental Ethics and Boundaries"],
            parsed.Sections.Select(s => s.Heading));
        Assert.Equal(["I – a.", "I – b.", "II – a.", "II – b.", "III – a.", "III – b.", "III – c."], parsed.Principles.Select(p => p.Label));
        Assert.Equal("III. Fundamental Ethics and Boundaries", parsed.Principles[6].Section);
        Assert.Equal("Peer supporters protect the privacy of the people they serve.", parsed.Principles[1].Text);
        Assert.All(parsed.Principles, p => Assert.Null(p.Parent));
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void A_roman_heading_followed_by_numbered_items_is_a_section_and_numbering_may_restart_under_each()
    {
        var parsed = ParseChecked(Corpus("roman-sections-numbered-items.txt"));

        Assert.Equal(["III. Fundamental Ethics and Boundaries", "IV. Supervision"], parsed.Sections.Select(s => s.Heading));
        Assert.Equal(["1.", "2.", "3.", "1.", "2."], parsed.Principles.Select(p => p.Label));
        Assert.Equal(
            ["III. Fundamental Ethics and Boundaries", "III. Fundamental Ethics and Boundaries", "III. Fundamental Ethics and Boundaries", "IV. Supervision", "IV. Supervision"],
            parsed.Principles.Select(p => p.Section));
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void Unnumbered_headings_followed_by_items_are_sections_each_with_its_lead_in()
    {
        var parsed = ParseChecked(Corpus("headed-sections-continuous-numbering.txt"));

        Assert.Equal(["Principle: Conduct", "SUPERVISION"], parsed.Sections.Select(s => s.Heading));
        Assert.Equal(["1.", "2.", "3.", "4.", "5."], parsed.Principles.Select(p => p.Label));
        Assert.Equal(["Principle: Conduct", "Principle: Conduct", "Principle: Conduct", "SUPERVISION", "SUPERVISION"], parsed.Principles.Select(p => p.Section));
        Assert.All(parsed.Principles, p => Assert.Equal("A certified peer support specialist must:", p.LeadIn));
        Assert.Equal(2, parsed.Elements.Count(e => e.Kind == ElementKind.LeadIn));
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void Bullets_get_synthesized_labels_and_indented_bullets_are_sub_items()
    {
        var parsed = ParseChecked(Corpus("bullets-nested.txt"));

        Assert.Equal(7, parsed.Principles.Count);
        Assert.All(parsed.Principles, p => Assert.True(p.LabelSynthesized));
        Assert.Equal(["•1", "•2", "•1", "•2", "•3", "•1", "•2"], parsed.Principles.Select(p => p.Label));
        Assert.Equal([null, null, "•2", "•2", null, null, null], parsed.Principles.Select(p => p.Parent));
        Assert.Equal("never share a person's story without consent;", parsed.Principles[2].Text);
        Assert.Equal("- Respect the dignity and choices of every person they coach.", parsed.Elements.First(e => e.Kind == ElementKind.Principle).Text);
        Assert.Equal(["Professional Conduct"], parsed.Sections.Select(s => s.Heading));
        Assert.Equal("Professional Conduct", parsed.Principles[5].Section);
        Assert.Equal("Recovery coaches will:", parsed.Principles[0].LeadIn);
        Assert.Null(parsed.Principles[5].LeadIn);
    }

    [Fact]
    public void Short_headings_followed_by_prose_are_unnumbered_principles_labelled_by_their_heading()
    {
        var parsed = ParseChecked(Corpus("headed-principles-unnumbered.txt"));

        Assert.Equal(["Self-Determination", "Confidentiality", "Honesty"], parsed.Principles.Select(p => p.Label));
        Assert.All(parsed.Principles, p => Assert.True(p.LabelSynthesized));
        Assert.Equal("Peer specialists support people to make their own choices.", parsed.Principles[0].Text);
        Assert.Equal(
            "Peer specialists keep private what they hear, except where the law requires disclosure.\n\nThis duty continues after the working relationship ends.",
            parsed.Principles[1].Text);
        Assert.Equal("Peer specialists are truthful about their role and its limits.", parsed.Principles[2].Text);
        Assert.Equal(["These values guide every peer specialist."], parsed.Preamble);
    }

    [Fact]
    public void A_paragraph_between_two_items_belongs_to_the_first_and_page_breaks_do_not_split_the_list()
    {
        var parsed = ParseChecked(Corpus("page-breaks-and-multi-paragraph.txt"));

        Assert.Equal(Enumerable.Range(1, 16).Select(n => $"{n}."), parsed.Principles.Select(p => p.Label));
        Assert.Equal(
            "Peer specialists share their recovery story when it helps.\n\nThis includes being honest about the limits of what a story can teach.",
            parsed.Principles[2].Text);
        Assert.Equal(["Page 1 of 2", "Page 2 of 2"], parsed.OtherText);
        Assert.Equal(21, parsed.Principles[13].Line);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void Labels_ending_in_an_ellipsis_are_kept_as_printed()
    {
        var parsed = ParseChecked(Corpus("ellipsis-labels.txt"));

        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"{n}…"), parsed.Principles.Select(p => p.Label));
        Assert.Equal("Report abuse.", parsed.Principles[9].Text);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void A_repeated_label_keeps_both_items_and_a_gap_in_numbering_is_reported()
    {
        var parsed = ParseChecked(Corpus("repeated-and-out-of-sequence.txt"));

        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6.", "7.", "7.", "8.", "10.", "11."], parsed.Principles.Select(p => p.Label));
        Assert.Equal("Peer specialists seek supervision.", parsed.Principles[6].Text);
        Assert.Equal("Peer specialists report abuse.", parsed.Principles[7].Text);
        Assert.Collection(
            parsed.Warnings,
            w => Assert.Equal((10, true), (w.Line, w.Message.Contains("\"7.\" is repeated", StringComparison.Ordinal))),
            w => Assert.Equal((12, true), (w.Line, w.Message.Contains("\"10.\" is out of sequence", StringComparison.Ordinal))));
    }

    [Fact]
    public void Numbering_that_restarts_without_a_heading_is_reported_and_under_a_new_heading_is_not()
    {
        var parsed = ParseChecked(Corpus("numbering-restarts.txt"));

        Assert.Equal(["1.", "2.", "3.", "1.", "2.", "1.", "2."], parsed.Principles.Select(p => p.Label));
        Assert.Equal("Working With Colleagues", parsed.Principles[5].Section);
        var warning = Assert.Single(parsed.Warnings);
        Assert.Equal(7, warning.Line);
        Assert.Contains("restarts", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_mac_line_endings_tabs_and_wide_spaces_are_read_and_warnings_name_the_right_line()
    {
        var source = Corpus("old-mac-cr-line-endings.txt");
        Assert.DoesNotContain("\n", source, StringComparison.Ordinal);

        var parsed = ParseChecked(source);

        Assert.Equal("Peer Specialist Code of Ethics", parsed.Title);
        Assert.Equal(["1.", "2.", "3.", "3.", "4."], parsed.Principles.Select(p => p.Label));
        Assert.Equal("To respect every choice.", parsed.Principles[1].Text);
        Assert.Equal(8, Assert.Single(parsed.Warnings).Line);
        Assert.Equal("Peer specialists promise the people they serve:", parsed.Principles[0].LeadIn);
    }

    [Fact]
    public void A_document_that_starts_with_its_list_has_no_title_and_says_so()
    {
        var parsed = ParseChecked(Corpus("no-title-starts-with-list.txt"));

        Assert.Null(parsed.Title);
        Assert.Equal(["1.", "2.", "3."], parsed.Principles.Select(p => p.Label));
        var warning = Assert.Single(parsed.Warnings);
        Assert.Equal(1, warning.Line);
        Assert.Contains("No title", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_the_last_principle_that_does_not_continue_it_is_other_text_and_reported()
    {
        var parsed = ParseChecked(Corpus("unrecognised-trailing-text.txt"));

        Assert.Equal(3, parsed.Principles.Count);
        Assert.Equal("Peer specialists tell the truth.", parsed.Principles[2].Text);
        Assert.Equal(["Violations of this code may lead to suspension or loss of certification."], parsed.OtherText);
        var warning = Assert.Single(parsed.Warnings);
        Assert.Equal(7, warning.Line);
        Assert.Equal([new ParsedRevision(2019, "Revised 2019")], parsed.Revisions);
    }

    [Fact]
    public void A_letter_list_continues_past_h_to_i_and_roman_sub_items_follow_a_numbered_item()
    {
        var parsed = ParseChecked(Corpus("letters-continue-past-h.txt"));

        Assert.Equal(
            ["a.", "b.", "c.", "d.", "e.", "f.", "g.", "h.", "i.", "j.", "k.", "1.", "2.", "i.", "ii.", "iii.", "3."],
            parsed.Principles.Select(p => p.Label));
        Assert.Null(parsed.Principles[8].Parent);
        Assert.Equal(["2.", "2.", "2."], parsed.Principles.Skip(13).Take(3).Select(p => p.Parent));
        Assert.Equal("Responsibilities", parsed.Principles[11].Section);
        Assert.Null(parsed.Principles[10].Section);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void A_title_whose_first_line_is_the_organization_names_it_as_issuer_and_an_issued_by_paragraph_is_history()
    {
        var parsed = ParseChecked(Corpus("issuer-on-its-own-title-line.txt"));

        Assert.Equal("State Office of Peer Recovery Services Peer Support Specialist Code of Ethics", parsed.Title);
        Assert.Equal("State Office of Peer Recovery Services", parsed.Issuer);
        Assert.Equal(
            [new ParsedRevision(2012, "Adopted 2012"), new ParsedRevision(2018, "revised 2018 and 2021."), new ParsedRevision(2021, "revised 2018 and 2021.")],
            parsed.Revisions);
        Assert.Equal(2, parsed.Principles.Count);
    }

    [Fact]
    public void A_board_named_in_the_title_is_the_issuer_and_also_applies_to_lists_everyone_it_names()
    {
        var parsed = ParseChecked(Corpus("board-issuer-also-binds-revisions.txt"));

        Assert.Equal("Pennsylvania Certification Board", parsed.Issuer);
        Assert.Equal(["supervisors", "interns", "volunteers"], parsed.AlsoBinds);
        Assert.Equal([2008, 2014, 2019], parsed.Revisions.Select(r => r.Year));
        Assert.Equal("Adopted by the Board in 2008.", parsed.Revisions[0].Note);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void A_pledge_under_its_heading_reads_captions_printed_under_the_signature_lines()
    {
        var parsed = ParseChecked(Corpus("pledge-captions-under-lines.txt"));

        Assert.NotNull(parsed.Pledge);
        Assert.Equal("I, __________________, have read the Code of Ethics and agree to abide by it in my training and in my work.", parsed.Pledge.Statement);
        Assert.Equal(["name", "signature", "date"], parsed.Pledge.Blanks);
        Assert.StartsWith("Pledge\n\nI, ___", parsed.Pledge.Text, StringComparison.Ordinal);
        Assert.Equal(3, parsed.Principles.Count);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void Malformed_fragments_yield_warnings_not_an_exception()
    {
        var parsed = ParseChecked(Corpus("malformed-fragments.txt"));

        Assert.Null(parsed.Title);
        Assert.Empty(parsed.Principles);
        Assert.Contains(parsed.Warnings, w => w.Message.Contains("No principles", StringComparison.Ordinal));
        Assert.Contains(parsed.Warnings, w => w.Message.Contains("No title", StringComparison.Ordinal));
    }

    [Fact]
    public void Unicode_line_and_paragraph_separators_and_narrow_spaces_separate_lines_and_words()
    {
        var parsed = ParseChecked(Corpus("unicode-separators-and-spaces.txt"));

        Assert.Equal("Peer Worker Code of Ethics", parsed.Title);
        Assert.Equal(["1.", "2.", "3.", "a.", "b.", "4."], parsed.Principles.Select(p => p.Label));
        Assert.Equal([null, null, null, "3.", "3.", null], parsed.Principles.Select(p => p.Parent));
        Assert.Equal("Keep confidences.", parsed.Principles[1].Text);
        Assert.Equal("Peer workers promise:", parsed.Principles[0].LeadIn);
    }

    [Fact]
    public void An_effective_date_under_the_title_is_history_not_part_of_the_title()
    {
        var parsed = ParseChecked(Corpus("effective-date-under-title.txt"));

        Assert.Equal("Recovery Coach Code of Ethics", parsed.Title);
        Assert.Equal([new ParsedRevision(2016, "Effective January 1, 2016")], parsed.Revisions);
        Assert.Equal(ElementKind.RevisionNote, parsed.Elements[1].Kind);
        Assert.Empty(parsed.Sections);
        Assert.Equal(2, parsed.Principles.Count);
    }

    [Fact]
    public void A_footnote_under_the_list_is_other_text_not_a_bulleted_principle()
    {
        var parsed = ParseChecked(Corpus("footnote-after-list.txt"));

        Assert.Equal(["1.", "2."], parsed.Principles.Select(p => p.Label));
        Assert.Equal("Peer specialists may accept gifts of nominal value* only.", parsed.Principles[1].Text);
        Assert.Equal(["* Nominal value means less than $25."], parsed.OtherText);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void A_pledge_that_introduces_the_list_is_its_lead_in_and_the_signature_line_below_completes_it()
    {
        var parsed = ParseChecked(Corpus("pledge-introduces-the-list.txt"));

        Assert.All(parsed.Principles, p => Assert.Equal("I, ______________________, agree to abide by the following:", p.LeadIn));
        Assert.NotNull(parsed.Pledge);
        Assert.Equal("I, ______________________, agree to abide by the following:", parsed.Pledge.Statement);
        Assert.Equal(["name", "signature", "date"], parsed.Pledge.Blanks);
        Assert.Equal(
            "I, ______________________, agree to abide by the following:\n\nSignature ____________________ Date ____________",
            parsed.Pledge.Text);
        Assert.Equal([ElementKind.Title, ElementKind.Pledge, ElementKind.Principle, ElementKind.Principle, ElementKind.Pledge], parsed.Elements.Select(e => e.Kind));
    }

    [Fact]
    public void Principle_numeral_headings_over_numbered_items_are_sections_and_spaced_indented_items_hold_together()
    {
        var parsed = ParseChecked(Corpus("prefixed-sections-with-spaced-subitems.txt"));

        Assert.Equal(["Principle I: The Peer Relationship", "Principle II: Confidentiality"], parsed.Sections.Select(s => s.Heading));
        Assert.Equal(["1.", "2.", "a.", "b.", "1."], parsed.Principles.Select(p => p.Label));
        Assert.Equal([null, null, "2.", "2.", null], parsed.Principles.Select(p => p.Parent));
        Assert.Equal("Peer support professionals listen to the people they serve and take what they hear seriously.", parsed.Principles[0].Text);
        Assert.Equal("Peer support professionals keep confidences.\n\nThis duty continues after the relationship ends.", parsed.Principles[4].Text);
        Assert.Equal("Principle II: Confidentiality", parsed.Principles[4].Section);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void A_decimal_outline_reads_numbered_headings_as_sections_over_their_decimal_items()
    {
        var parsed = ParseChecked(Corpus("decimal-outline.txt"));

        Assert.Equal(["1. Confidentiality", "2. Boundaries"], parsed.Sections.Select(s => s.Heading));
        Assert.Equal(["1.1", "1.2", "2.1", "2.2", "2.3."], parsed.Principles.Select(p => p.Label));
        Assert.Equal("Peer specialists complete at least 3.5 hours of training on boundaries each year.", parsed.Principles[3].Text);
        Assert.Equal("2. Boundaries", parsed.Principles[4].Section);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void Principle_n_headings_over_prose_are_principles_labelled_as_printed()
    {
        var parsed = ParseChecked(Corpus("prefixed-principles.txt"));

        Assert.Equal(["Principle 1:", "Principle 2:", "Principle 3:"], parsed.Principles.Select(p => p.Label));
        Assert.Equal("Honesty Peer specialists are truthful about their role.", parsed.Principles[1].Text);
        Assert.Empty(parsed.Sections);
        Assert.Empty(parsed.Warnings);
    }
}
