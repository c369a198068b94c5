using CsCheck;
using PeerEthics.People.Import;

namespace PeerEthics.Tests.People.Import;

/// <summary>The CSV reader: RFC 4180 as spreadsheets write it, and exactly where a file breaks it.</summary>
public sealed class CsvTableTests
{
    private static string[][] Values(string text) => [.. CsvTable.Parse(text).Select(r => r.Values.ToArray())];

    [Fact]
    public void Quoted_values_keep_their_commas_line_breaks_and_doubled_quotes()
    {
        var records = CsvTable.Parse("name,address\n\"Kevin \"\"KJ\"\" Johnson\",\"12 Elm St, Apt 3\r\nWorcester\"\nAisha,\"\"\n");

        Assert.Equal([["name", "address"], ["Kevin \"KJ\" Johnson", "12 Elm St, Apt 3\r\nWorcester"], ["Aisha", ""]], records.Select(r => r.Values.ToArray()));
        Assert.All(records, r => Assert.Empty(r.Faults));
    }

    [Fact]
    public void A_line_break_inside_quotes_keeps_the_record_on_one_row_as_a_spreadsheet_numbers_it()
    {
        var records = CsvTable.Parse("a,b\n1,\"two\nlines\"\n3,4\n");

        Assert.Equal([1, 2, 3], records.Select(r => r.Row));
        Assert.Equal(["3", "4"], records[2].Values);
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r1,2\r")]
    [InlineData("a,b\n1,2")]
    public void Crlf_lf_and_cr_all_end_records_and_a_final_line_break_adds_no_record(string text)
    {
        Assert.Equal([["a", "b"], ["1", "2"]], Values(text));
    }

    [Fact]
    public void Blank_lines_are_blank_records_that_still_take_a_row_number()
    {
        var records = CsvTable.Parse("a,b\n\n1,2\n,\n\n");

        Assert.Equal([false, true, false, true, true], records.Select(r => r.IsBlank));
        Assert.Equal([1, 2, 3, 4, 5], records.Select(r => r.Row));
    }

    [Fact]
    public void A_trailing_comma_is_an_empty_last_value()
    {
        Assert.Equal([["a", "b", ""], ["1", "2", ""]], Values("a,b,\n1,2,"));
    }

    [Fact]
    public void A_stray_quote_in_an_unquoted_value_is_kept_as_written_and_marked_at_its_value()
    {
        var record = CsvTable.Parse("Sean,O\"Brien,x\n")[0];

        Assert.Equal(["Sean", "O\"Brien", "x"], record.Values);
        Assert.Equal(new CsvFault(1, CsvFaultKind.QuoteInUnquotedValue), Assert.Single(record.Faults));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_kept_and_marked()
    {
        var record = CsvTable.Parse("1,\"Boston\" MA,3")[0];

        Assert.Equal(["1", "Boston MA", "3"], record.Values);
        Assert.Equal(new CsvFault(1, CsvFaultKind.TextAfterClosingQuote), Assert.Single(record.Faults));
    }

    [Fact]
    public void A_quote_never_closed_is_marked_on_the_row_it_opened_in_and_swallows_the_rest()
    {
        var records = CsvTable.Parse("a,b\n1,\"open\n3,4\n");

        Assert.Equal(2, records.Count);
        Assert.True(records[1].Unclosed);
        Assert.Equal(2, records[1].Row);
        Assert.Equal(new CsvFault(1, CsvFaultKind.UnclosedQuote), Assert.Single(records[1].Faults));
    }

    [Fact]
    public void Empty_text_has_no_records()
    {
        Assert.Empty(CsvTable.Parse(""));
    }

    [Fact]
    public void Any_table_written_as_csv_reads_back_the_same()
    {
        var value = Gen.OneOf(Gen.Const(""), Gen.String[Gen.Char["a,\"\r\n xé"], 0, 8], Gen.String.AlphaNumeric);
        var table = value.Array[1, 5].SelectMany(first => value.Array[first.Length].Array[0, 6].Select(rest => (string[][])[first, .. rest]));
        Gen.Select(table, Gen.OneOf(Gen.Const("\r\n"), Gen.Const("\n")), Gen.Bool).Sample((rows, newline, finalNewline) =>
        {
            // A record of one empty value is written as an empty line; a blank record reads back the same.
            var text = string.Join(newline, rows.Select(CsvTable.Line)) + (finalNewline ? newline : "");
            var read = CsvTable.Parse(text);
            var expected = finalNewline || rows[^1] is not [""] ? rows : rows[..^1];
            return read.Count == expected.Length
                && read.Zip(expected).All(pair => pair.First.Values.SequenceEqual(pair.Second) && pair.First.Faults.Count == 0);
        });
    }
}
