using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Codes.Import;
using PeerEthics.Data;
using PeerEthics.Ledger.Pledges;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Ledger;

/// <summary>The pledge a person signs, with their name in it, for a code with a pledge and one without.</summary>
public sealed class PledgeTests
{
    private const string MassachusettsProgram = "Massachusetts Certified Peer Specialist (CPS)";
    private const string MissouriProgram = "Certified Missouri Peer Specialist (CMPS)";

    [Fact]
    public void The_Massachusetts_pledge_gets_the_name_in_its_blank()
    {
        var code = CodeDocumentParser.Parse(Seeds.Text(Seeds.Massachusetts));

        var pledge = PledgeRenderer.Render(code.Pledge, PledgeTemplate.Default(), "  María  José Núñez ", MassachusettsProgram, code.Title!);

        Assert.Equal(PledgeSource.Code, pledge.Source);
        Assert.Equal(
            "I María José Núñez fully understand the Code of Ethics and commit myself to carrying out the fourteen principles listed above during my CPS training, and on becoming Certified and obtaining a role as a Certified Peer Specialist.",
            pledge.Text);
    }

    [Fact]
    public void Missouri_has_no_pledge_so_the_program_template_is_filled_in()
    {
        var code = CodeDocumentParser.Parse(Seeds.Text(Seeds.Missouri));

        var pledge = PledgeRenderer.Render(code.Pledge, PledgeTemplate.Default(), "Sam Lee", MissouriProgram, code.Title!);

        Assert.Null(code.Pledge);
        Assert.Equal(PledgeSource.ProgramTemplate, pledge.Source);
        Assert.Equal(
            $"I, Sam Lee, have read the whole of the {code.Title}. I understand it, and I commit myself to following its principles during my training and in my work as a {MissouriProgram}.",
            pledge.Text);
        Assert.DoesNotContain("{", pledge.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Blanks_asking_for_a_program_are_filled_and_others_are_left_as_printed()
    {
        var pledge = new ParsedPledge("", "I, ______, a participant in Program: ______, agree to ______.", ["name", "program", "blank"]);
        var captioned = new ParsedPledge("", "I (print name) commit myself to the Code.", []);

        Assert.Equal("I, Ana Ruiz, a participant in Program: Missouri CMPS, agree to ______.", PledgeRenderer.Render(pledge, "", "Ana Ruiz", "Missouri CMPS", "Code").Text);
        Assert.Equal("I Ana Ruiz commit myself to the Code.", PledgeRenderer.Render(captioned, "", "Ana Ruiz", "Missouri CMPS", "Code").Text);
    }

    [Fact]
    public void A_template_without_a_name_or_with_an_unknown_placeholder_is_refused_with_the_reason()
    {
        Assert.Empty(PledgeTemplate.Problems(PledgeTemplate.Default()));
        Assert.Contains(PledgeTemplate.Problems("I commit myself to the {code}."), p => p.Contains("has no {name}", StringComparison.Ordinal));
        Assert.Contains(PledgeTemplate.Problems("I, {name}, of {cohort}, commit."), p => p.Contains("{cohort}", StringComparison.Ordinal));
        Assert.Contains(PledgeTemplate.Problems("  "), p => p.Contains("empty", StringComparison.Ordinal));
    }

    [Theory, AllDatabases]
    public async Task A_program_template_is_stored_per_program_and_a_bad_one_changes_nothing(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        await using var scope = app.Scope();
        var templates = scope.ServiceProvider.GetRequiredService<PledgeTemplates>();

        var shipped = await templates.ForProgramAsync(Seeds.Missouri);
        var saved = await templates.SaveAsync(Seeds.Missouri, "I, {name}, promise to follow the {code} as a {program}.", "registrar@example.org");
        var refused = await templates.SaveAsync(Seeds.Missouri, "I promise.", "registrar@example.org");
        var unknownProgram = await templates.SaveAsync("nowhere", "I, {name}, promise.", null);

        Assert.Equal(PledgeTemplate.Default(), shipped);
        Assert.IsType<PledgeTemplateOutcome.Saved>(saved);
        Assert.Contains("has no {name}", Assert.IsType<PledgeTemplateOutcome.Refused>(refused).Errors["text"][0], StringComparison.Ordinal);
        Assert.Contains("nowhere", Assert.IsType<PledgeTemplateOutcome.Refused>(unknownProgram).Errors["program"][0], StringComparison.Ordinal);
        Assert.Equal("I, {name}, promise to follow the {code} as a {program}.", await templates.ForProgramAsync(Seeds.Missouri));
        Assert.Equal(PledgeTemplate.Default(), await templates.ForProgramAsync(Seeds.Massachusetts));
    }
}

/// <summary>A typed name must be the name on the record, up to case, spacing and look-alike characters, but not accents.</summary>
public sealed class NameMatcherTests
{
    [Theory]
    [InlineData("Jane Doe", "Jane Doe")]
    [InlineData("  jane   DOE ", "Jane Doe")]
    [InlineData("Jane\u00A0Doe\t", "Jane Doe")]
    [InlineData("José García", "Jose\u0301 Garci\u0301a")]
    [InlineData("ＪＡＮＥ ＤＯＥ", "Jane Doe")]
    [InlineData("Siobhán O\u2019Brien-Ní Dhuibhir", "siobhán o'brien\u2010ní dhuibhir")]
    [InlineData("ÉMILE ZOLA", "Émile Zola")]
    public void Names_that_differ_only_in_case_space_or_form_match(string typed, string record) =>
        Assert.True(NameMatcher.Compare(typed, record).Matches);

    [Fact]
    public void A_name_without_its_accents_does_not_match_and_the_message_says_it_is_the_accents()
    {
        var match = NameMatcher.Compare("Jose Garcia", "José García");

        Assert.False(match.Matches);
        Assert.Contains("only in its accents", match.Message, StringComparison.Ordinal);
        Assert.Contains("José García", match.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jane Do", "Jane Doe")]
    [InlineData("Jane Q. Doe", "Jane Doe")]
    [InlineData("Doe Jane", "Jane Doe")]
    [InlineData("JaneDoe", "Jane Doe")]
    public void A_different_name_does_not_match_and_the_message_shows_the_record_name(string typed, string record)
    {
        var match = NameMatcher.Compare(typed, record);

        Assert.False(match.Matches);
        Assert.Contains("does not match the name on your record", match.Message, StringComparison.Ordinal);
        Assert.Contains(record, match.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u200B ")]
    public void No_name_asks_for_one(string? typed)
    {
        var match = NameMatcher.Compare(typed, "Jane Doe");

        Assert.False(match.Matches);
        Assert.StartsWith("Type your full name to sign", match.Message, StringComparison.Ordinal);
    }
}
