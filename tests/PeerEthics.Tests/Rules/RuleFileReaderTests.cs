using PeerEthics.Rules;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Rules;

/// <summary>Rule files with a mistake are refused with a message naming the line and column.</summary>
public sealed class RuleFileReaderTests
{
    private const string Minimal = """
        code: massachusetts-cps
        code-versions: [1]
        parameters:
          significant-value:
            type: dollars
            meaning: A gift worth more than this is of significant value.
            values:
              - from: 2015-01-01
                value: 50.00
                source: Test.
                status: program setting to confirm
        rules:
          - id: gifts
            about: Gifts
            principles: ["11"]
            applies-when:
              - { fact: kind, is: gift }
            cases:
              - when:
                  - { fact: value, more-than: { parameter: significant-value } }
                outcome: against-code
                reason: Too much.
            otherwise:
              outcome: within-code
              reason: Fine.
        """;

    [Theory]
    [InlineData(Seeds.Massachusetts, 7, 3)]
    [InlineData(Seeds.Missouri, 6, 2)]
    public void The_shipped_rule_files_read_and_cite_only_principles_their_code_has(string code, int rules, int parameters)
    {
        var file = ShippedRuleFiles.Read(code);

        Assert.Equal(code, file.Code);
        Assert.Equal([1], file.CodeVersions);
        Assert.Equal(rules, file.Rules.Count);
        Assert.Equal(parameters, file.Parameters.Count);
        Assert.All(file.Parameters.Values.SelectMany(p => p.Values), v => Assert.True(v.ToConfirm));
        Assert.All(file.Parameters.Values.SelectMany(p => p.Values), v => Assert.False(string.IsNullOrWhiteSpace(v.Source)));
        Assert.Empty(RuleFileBinder.Check(file, code, new Dictionary<int, IReadOnlyList<PrincipleText>> { [1] = ShippedRuleFiles.Principles(code) }));
    }

    [Fact]
    public void The_minimal_file_reads()
    {
        var read = RuleFileReader.Read(Minimal);

        Assert.True(read.IsValid, string.Join(" ", read.Errors));
    }

    [Theory]
    // YAML syntax: an unclosed flow mapping (YamlDotNet's scanner stops there), a key indented too far.
    [InlineData("      - { fact: kind, is: gift }", "      - { fact: kind, is: gift", 17, "not valid YAML")]
    [InlineData("    about: Gifts", "      about: Gifts", 14, "not valid YAML")]
    // An unknown fact, at the fact's name.
    [InlineData("{ fact: kind, is: gift }", "{ fact: kinds, is: gift }", 17, "unknown fact 'kinds'")]
    // A value the fact cannot have.
    [InlineData("{ fact: kind, is: gift }", "{ fact: kind, is: present }", 17, "'present' is not a value of the fact 'kind'")]
    // An operator the fact does not take.
    [InlineData("{ fact: kind, is: gift }", "{ fact: kind, more-than: 5 }", 17, "cannot be compared with 'more-than'")]
    // A parameter that is not declared.
    [InlineData("{ parameter: significant-value }", "{ parameter: signficant-value }", 20, "unknown parameter 'signficant-value'")]
    // Bad parameters: a value of the wrong type, no source, an unknown type, an unknown status, a bad date.
    [InlineData("value: 50.00", "value: fifty", 9, "'fifty' is not an amount in dollars")]
    [InlineData("value: 50.00", "value: -5", 9, "'-5' is not an amount in dollars")]
    [InlineData("        source: Test.\n", "", 8, "'source' is missing")]
    [InlineData("type: dollars", "type: money", 5, "type 'money' is not one of")]
    [InlineData("status: program setting to confirm", "status: maybe", 11, "'status' must be")]
    [InlineData("from: 2015-01-01", "from: 2015-02-30", 8, "'from' must be a day")]
    // An unknown outcome, a misspelt field, a rule without 'otherwise'.
    [InlineData("outcome: against-code", "outcome: forbidden", 21, "outcome 'forbidden' is not one of")]
    [InlineData("    about: Gifts", "    abuot: Gifts", 14, "unknown field 'abuot'")]
    [InlineData("    otherwise:\n      outcome: within-code\n      reason: Fine.", "", 13, "'otherwise' is missing")]
    public void A_mistake_is_refused_naming_its_line(string replace, string with, int line, string message)
    {
        var yaml = Minimal.Replace(replace, with, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, yaml);

        var read = RuleFileReader.Read(yaml);

        Assert.False(read.IsValid);
        Assert.Null(read.File);
        Assert.Contains(read.Errors, e => e.Place.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.All(read.Errors, e => Assert.True(e.Place.Column >= 1));
    }

    [Fact]
    public void An_unknown_fact_is_reported_at_its_line_and_column_and_lists_the_facts()
    {
        var read = RuleFileReader.Read(Minimal.Replace("{ fact: kind, is: gift }", "{ fact: kinds, is: gift }", StringComparison.Ordinal));

        var error = Assert.Single(read.Errors);
        Assert.Equal(new SourcePlace(17, 17), error.Place);
        Assert.StartsWith("line 17, column 17: rule 'gifts': unknown fact 'kinds'. The facts are: kind, date, direction", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("principles: [\"11\"]", "principles: [\"15\"]", "has no principle labelled '15'")]
    [InlineData("code-versions: [1]", "code-versions: [1, 2]", "has no version 2")]
    [InlineData("code: massachusetts-cps", "code: missouri-cmps", "given for 'massachusetts-cps'")]
    public void A_principle_version_or_code_the_code_does_not_have_is_refused_naming_the_line(string replace, string with, string message)
    {
        var read = RuleFileReader.Read(Minimal.Replace(replace, with, StringComparison.Ordinal));
        Assert.True(read.IsValid, string.Join(" ", read.Errors));
        var line = Minimal.Split('\n').ToList().FindIndex(l => l.Contains(replace, StringComparison.Ordinal)) + 1;

        var errors = RuleFileBinder.Check(read.File!, Seeds.Massachusetts,
            new Dictionary<int, IReadOnlyList<PrincipleText>> { [1] = ShippedRuleFiles.Principles(Seeds.Massachusetts) });

        var error = Assert.Single(errors);
        Assert.Equal(line, error.Place.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11", "11.")]
    [InlineData("11.", "11.")]
    [InlineData(" 13 ", "13.")]
    public void A_label_finds_the_printed_label_without_its_full_stop(string label, string printed)
    {
        Assert.Equal(printed, RuleFileBinder.Find(ShippedRuleFiles.Principles(Seeds.Massachusetts), label)?.Label);
    }
}
