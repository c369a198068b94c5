using System.Text;
using PeerEthics.Codes.Import;

namespace PeerEthics.Tests.Codes.Import;

/// <summary>What a code document file may be (the same rules for the command line, the staff pages and the API).</summary>
public sealed class CodeDocumentBytesTests
{
    private const string Text = "Code of Ethics\n\n1. We respect each person’s choices – always.\n";

    [Fact]
    public void Utf8_with_or_without_a_byte_order_mark_is_read()
    {
        Assert.True(CodeDocumentBytes.TryDecode(Encoding.UTF8.GetBytes(Text), out var plain, out _));
        Assert.True(CodeDocumentBytes.TryDecode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)], out var marked, out _));

        Assert.Equal(Text, plain);
        Assert.Equal(Text, marked!.TrimStart('\uFEFF'));
    }

    [Fact]
    public void Utf16_marked_by_its_byte_order_mark_is_read_in_either_byte_order()
    {
        Assert.True(CodeDocumentBytes.TryDecode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)], out var little, out var p1), p1);
        Assert.True(CodeDocumentBytes.TryDecode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Text)], out var big, out var p2), p2);

        Assert.Equal(Text, little);
        Assert.Equal(Text, big);
    }

    [Theory]
    [InlineData("%PDF-1.7\n", "is a PDF file, not plain text")]
    [InlineData("PK\u0003\u0004word/document.xml", "is a Word document or another zipped file")]
    [InlineData("{\\rtf1\\ansi Code", "is a rich-text (RTF) file")]
    public void Documents_that_are_not_plain_text_are_named_for_what_they_are(string start, string expected)
    {
        Assert.False(CodeDocumentBytes.TryDecode(Encoding.Latin1.GetBytes(start), out var text, out var problem));
        Assert.Null(text);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_in_an_older_encoding_is_refused_rather_than_guessed()
    {
        var windows1252 = Encoding.Latin1.GetBytes("Code of Ethics\n1. Caf\u00e9 rules.\n");

        Assert.False(CodeDocumentBytes.TryDecode(windows1252, out _, out var problem));
        Assert.StartsWith("is not UTF-8 text: it looks saved in an older encoding", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_over_the_limit_or_with_binary_data_is_refused_with_its_size_or_the_reason()
    {
        Assert.Equal("is 2 MB: a code document can be at most 1 MB", CodeDocumentBytes.TooLarge(2 * CodeDocumentBytes.MaxBytes));
        Assert.Equal("is 1,048,577 bytes: a code document can be at most 1 MB (1,048,576 bytes)", CodeDocumentBytes.TooLarge(CodeDocumentBytes.MaxBytes + 1));
        Assert.Null(CodeDocumentBytes.TooLarge(CodeDocumentBytes.MaxBytes));
        Assert.Equal("is not a text document (it contains binary data)", CodeDocumentBytes.Check("Code\0"));
    }
}
