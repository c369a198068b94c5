using System.Text;
using PeerEthics.Codes.Import;
using static PeerEthics.Tests.Codes.Import.CodeDocuments;

namespace PeerEthics.Tests.Codes.Import;

/// <summary>Inputs no code document should be, which the parser must still read without an exception.</summary>
public sealed class ParserRobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData(" \t\u00A0\u3000 ")]
    [InlineData("\r\n\r\n\n\r\f\f")]
    public void An_empty_document_has_no_title_no_principles_and_says_so(string source)
    {
        var parsed = ParseChecked(source);

        Assert.Null(parsed.Title);
        Assert.Empty(parsed.Principles);
        Assert.Empty(parsed.Elements);
        Assert.Contains(parsed.Warnings, w => w.Message.Contains("No principles", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("Code\uDFFF of Ethics\n\n1. \uD83D\uDE00 Smile.\n2.\uD800")]
    [InlineData("\0\u0001\u0002\n1.\0\n")]
    [InlineData("Code of Ethics\n\n1. a\n\uFEFF2. b\n3.\uFEFF c")]
    public void Broken_unicode_and_control_characters_are_kept_as_words(string source)
    {
        ParseChecked(source);
    }

    [Fact]
    public void A_byte_order_mark_in_the_middle_of_a_concatenated_file_does_not_hide_a_label()
    {
        var parsed = ParseChecked("Code of Ethics\n\n1. One.\n\uFEFF2. Two.\n");

        Assert.Equal(["1.", "2."], parsed.Principles.Select(p => p.Label));
    }

    [Fact]
    public void Huge_numbers_and_invalid_roman_numerals_are_not_labels()
    {
        var parsed = ParseChecked("Code of Ethics\n\n99999. Not a label.\n\nIIII. Not a numeral either.\n\nMMXV. Nor this.\n");

        Assert.Empty(parsed.Principles);
        Assert.Equal(3, parsed.Preamble.Count);
    }

    [Fact]
    public void A_very_long_line_is_one_principle()
    {
        var text = string.Join(' ', Enumerable.Repeat("Peer specialists listen.", 20_000));

        var parsed = ParseChecked($"Code of Ethics\n\n1. {text}\n");

        Assert.Equal(text, Assert.Single(parsed.Principles).Text);
    }

    [Fact]
    public void Thousands_of_repeated_labels_are_each_kept_and_reported()
    {
        var source = new StringBuilder("Code of Ethics\n\n");
        for (var i = 0; i < 5_000; i++)
        {
            source.Append("1. Again.\n");
        }

        var parsed = ParseChecked(source.ToString());

        Assert.Equal(5_000, parsed.Principles.Count);
        Assert.Equal(4_999, parsed.Warnings.Count);
    }

    [Fact]
    public void Deeply_nested_indented_bullets_keep_their_parents()
    {
        var source = new StringBuilder("Code of Ethics\n\n");
        for (var depth = 0; depth < 200; depth++)
        {
            source.Append(new string(' ', depth * 2)).Append("- Level ").Append(depth).Append('\n');
        }

        var parsed = ParseChecked(source.ToString());

        Assert.Equal(200, parsed.Principles.Count);
        Assert.Null(parsed.Principles[0].Parent);
        Assert.All(parsed.Principles.Skip(1), p => Assert.Equal("•1", p.Parent));
    }

    [Fact]
    public void A_label_with_no_text_is_kept_and_reported()
    {
        var parsed = ParseChecked("Code of Ethics\n\n1. Listen.\n2.\n\n3. Speak.\n");

        Assert.Equal(["1.", "2.", "3."], parsed.Principles.Select(p => p.Label));
        Assert.Equal("", parsed.Principles[1].Text);
        Assert.Contains(parsed.Warnings, w => w.Line == 4 && w.Message.Contains("no text", StringComparison.Ordinal));
    }

    [Fact]
    public void Signature_lines_without_a_statement_are_a_pledge_with_an_empty_statement_and_a_warning()
    {
        var parsed = ParseChecked("Code of Ethics\n\n1. Listen.\n\nSignature: ________ Date: ______\n");

        Assert.NotNull(parsed.Pledge);
        Assert.Equal("", parsed.Pledge.Statement);
        Assert.Equal(["signature", "date"], parsed.Pledge.Blanks);
        Assert.Contains(parsed.Warnings, w => w.Line == 5);
    }

    [Fact]
    public void A_page_number_inside_a_principle_stays_in_it_and_is_reported()
    {
        var parsed = ParseChecked("Code of Ethics\n\n1. Peer specialists keep confidences with those\n\nPage 2\n\nthey serve.\n2. Peer specialists listen.\n");

        Assert.Equal("Peer specialists keep confidences with those\n\nPage 2\n\nthey serve.", parsed.Principles[0].Text);
        Assert.Contains(parsed.Warnings, w => w.Line == 5 && w.Message.Contains("page number", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_is_a_programming_error_not_a_document()
    {
        Assert.Throws<ArgumentNullException>(() => CodeDocumentParser.Parse(null!));
    }
}
