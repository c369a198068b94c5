using System.Text;
using PeerEthics.People.Import;

namespace PeerEthics.Tests.People.Import;

/// <summary>What an import file must be before its rows are read: UTF-8 text, 5 MB at most.</summary>
public sealed class ImportFileTests
{
    [Fact]
    public void A_byte_order_mark_is_dropped_so_the_first_column_is_named_as_written()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("legal_name,status\r\nZoë,trainee\r\n")];

        Assert.True(ImportFile.TryDecode(bytes, out var text, out _));
        Assert.StartsWith("legal_name,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_text_is_refused_rather_than_guessed()
    {
        var bytes = Encoding.Latin1.GetBytes("legal_name,status\nZoë,trainee\n");

        Assert.False(ImportFile.TryDecode(bytes, out _, out var problem));
        Assert.StartsWith("is not UTF-8 text", problem, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_is_refused_with_what_to_save_instead()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("legal_name,status\n")];

        Assert.False(ImportFile.TryDecode(bytes, out _, out var problem));
        Assert.StartsWith("is saved as UTF-16", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excel_workbook_is_named_as_one()
    {
        byte[] bytes = [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0];

        Assert.False(ImportFile.TryDecode(bytes, out _, out var problem));
        Assert.StartsWith("is an Excel workbook", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused_naming_the_columns_it_needs()
    {
        Assert.False(ImportFile.TryDecode("\r\n \n"u8, out _, out var problem));
        Assert.StartsWith("is empty.", problem, StringComparison.Ordinal);
        Assert.Contains("legal_name, status", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_one_byte_over_the_limit_is_refused_with_its_size()
    {
        Assert.Null(ImportFile.TooLarge(ImportFile.MaxBytes));
        Assert.Equal("is 5 MB (5,242,881 bytes): an import file can be at most 5 MB (5,242,880 bytes). Split it into smaller files and import each", ImportFile.TooLarge(ImportFile.MaxBytes + 1));
        Assert.False(ImportFile.TryDecode(new byte[ImportFile.MaxBytes + 1], out _, out _));
    }

    [Theory]
    [InlineData("C:\\Users\\jo\\Desktop\\people.csv", "people.csv")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("", "(no name)")]
    [InlineData("tab\there.csv", "tab_here.csv")]
    public void Only_the_file_name_is_kept(string given, string kept)
    {
        Assert.Equal(kept, ImportFile.SafeName(given));
    }
}
