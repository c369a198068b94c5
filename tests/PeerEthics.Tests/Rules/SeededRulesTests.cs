using PeerEthics.Rules;
using PeerEthics.Tests.Infrastructure;
using static PeerEthics.Rules.Facts.Counterparts;

namespace PeerEthics.Tests.Rules;

/// <summary>Every seeded rule, at and around each boundary, on the shipped rule files and code texts.</summary>
public sealed class SeededRulesTests
{
    private const string Ma = Seeds.Massachusetts;
    private const string Mo = Seeds.Missouri;
    private static readonly DateOnly Day = new(2026, 11, 20);

    private static Situation Gift(string direction, decimal? value, bool? cash, string? counterpart = CurrentlySupported) =>
        new(Facts.Kinds.Gift, Day, direction, value, cash, counterpart);

    private static Situation Intimate(string? counterpart, DateOnly? supportEnded, DateOnly? date = null) =>
        new(Facts.Kinds.IntimateRelationship, date ?? Day, Counterpart: counterpart, SupportEnded: supportEnded);

    private static Situation Kind(string kind, string? counterpart = CurrentlySupported, string? direction = null, bool? impaired = null) =>
        new(kind, Day, direction, Counterpart: counterpart, Impaired: impaired);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static TheoryData<string, string, Situation, string, Outcome> Cases => new()
    {
        // Massachusetts 11: accepting gifts of significant value (more than $50.00), cash at any value.
        { Ma, "$50.00 is not more than $50.00", Gift("received", 50.00m, false), "ma-11-gift-received", Outcome.WithinCode },
        { Ma, "one cent over", Gift("received", 50.01m, false), "ma-11-gift-received", Outcome.AgainstCode },
        { Ma, "one cent under", Gift("received", 49.99m, false), "ma-11-gift-received", Outcome.WithinCode },
        { Ma, "the $60 gift", Gift("received", 60m, false), "ma-11-gift-received", Outcome.AgainstCode },
        { Ma, "a $1 gift card", Gift("received", 1m, true), "ma-11-gift-received", Outcome.AgainstCode },
        { Ma, "cash of no stated value", Gift("received", null, true), "ma-11-gift-received", Outcome.AgainstCode },
        { Ma, "no value, not cash", Gift("received", null, false), "ma-11-gift-received", Outcome.NeedsReview },
        { Ma, "over the threshold, cash unknown", Gift("received", 60m, null), "ma-11-gift-received", Outcome.AgainstCode },
        { Ma, "under the threshold, cash unknown", Gift("received", 10m, null), "ma-11-gift-received", Outcome.NeedsReview },
        { Ma, "from someone formerly supported", Gift("received", 500m, false, FormerlySupported), "ma-11-gift-received", Outcome.NeedsReview },
        { Ma, "from a colleague", Gift("received", 500m, true, Colleague), "ma-11-gift-received", Outcome.WithinCode },
        { Ma, "counterpart unknown", Gift("received", 500m, false, null), "ma-11-gift-received", Outcome.NeedsReview },
        { Ma, "giving a gift: 11 speaks only of accepting", Gift("given", 60m, false), "ma-11-gift-given", Outcome.NeedsReview },
        { Ma, "giving to someone else", Gift("given", 60m, false, SomeoneElse), "ma-11-gift-given", Outcome.WithinCode },
        // Massachusetts 11: loans either way, business.
        { Ma, "lending", Kind(Facts.Kinds.Loan, direction: "given"), "ma-11-loans", Outcome.AgainstCode },
        { Ma, "borrowing", Kind(Facts.Kinds.Loan, direction: "received"), "ma-11-loans", Outcome.AgainstCode },
        { Ma, "a loan, direction not given", Kind(Facts.Kinds.Loan), "ma-11-loans", Outcome.AgainstCode },
        { Ma, "a loan with someone formerly supported", Kind(Facts.Kinds.Loan, FormerlySupported), "ma-11-loans", Outcome.NeedsReview },
        { Ma, "a loan with a colleague", Kind(Facts.Kinds.Loan, Colleague), "ma-11-loans", Outcome.WithinCode },
        { Ma, "business", Kind(Facts.Kinds.Business), "ma-11-business", Outcome.AgainstCode },
        { Ma, "business with someone formerly supported", Kind(Facts.Kinds.Business, FormerlySupported), "ma-11-business", Outcome.NeedsReview },
        // Massachusetts 13: currently supported, or within the past year (12 calendar months, the anniversary included).
        { Ma, "currently supported", Intimate(CurrentlySupported, null), "ma-13-intimate", Outcome.AgainstCode },
        { Ma, "eight months after", Intimate(FormerlySupported, D(2026, 3, 20)), "ma-13-intimate", Outcome.AgainstCode },
        { Ma, "364 days after", Intimate(FormerlySupported, D(2025, 1, 10), D(2025, 1, 10).AddDays(364)), "ma-13-intimate", Outcome.AgainstCode },
        { Ma, "365 days after (the anniversary)", Intimate(FormerlySupported, D(2025, 1, 10), D(2025, 1, 10).AddDays(365)), "ma-13-intimate", Outcome.AgainstCode },
        { Ma, "366 days after", Intimate(FormerlySupported, D(2025, 1, 10), D(2025, 1, 10).AddDays(366)), "ma-13-intimate", Outcome.WithinCode },
        { Ma, "leap year: 365 days after", Intimate(FormerlySupported, D(2027, 3, 1), D(2027, 3, 1).AddDays(365)), "ma-13-intimate", Outcome.AgainstCode },
        { Ma, "leap year: 366 days after (the anniversary)", Intimate(FormerlySupported, D(2027, 3, 1), D(2027, 3, 1).AddDays(366)), "ma-13-intimate", Outcome.AgainstCode },
        { Ma, "leap year: 367 days after", Intimate(FormerlySupported, D(2027, 3, 1), D(2027, 3, 1).AddDays(367)), "ma-13-intimate", Outcome.WithinCode },
        { Ma, "ended 29 February: 28 February next year", Intimate(FormerlySupported, D(2024, 2, 29), D(2025, 2, 28)), "ma-13-intimate", Outcome.AgainstCode },
        { Ma, "ended 29 February: 1 March next year", Intimate(FormerlySupported, D(2024, 2, 29), D(2025, 3, 1)), "ma-13-intimate", Outcome.AgainstCode },
        { Ma, "ended 29 February: 2 March next year", Intimate(FormerlySupported, D(2024, 2, 29), D(2025, 3, 2)), "ma-13-intimate", Outcome.WithinCode },
        { Ma, "formerly supported, end day unknown", Intimate(FormerlySupported, null), "ma-13-intimate", Outcome.NeedsReview },
        { Ma, "someone never supported", Intimate(SomeoneElse, null), "ma-13-intimate", Outcome.WithinCode },
        { Ma, "counterpart unknown", Intimate(null, null), "ma-13-intimate", Outcome.NeedsReview },
        // Massachusetts 14 and 10.
        { Ma, "impaired", Kind(Facts.Kinds.Impairment, null, impaired: true), "ma-14-impairment", Outcome.AgainstCode },
        { Ma, "not impaired", Kind(Facts.Kinds.Impairment, null, impaired: false), "ma-14-impairment", Outcome.WithinCode },
        { Ma, "impairment not said", Kind(Facts.Kinds.Impairment, null), "ma-14-impairment", Outcome.NeedsReview },
        { Ma, "a dual relationship", Kind(Facts.Kinds.DualRelationship), "ma-10-dual-relationship", Outcome.NeedsReview },
        { Ma, "a dual relationship with someone formerly supported", Kind(Facts.Kinds.DualRelationship, FormerlySupported), "ma-10-dual-relationship", Outcome.NeedsReview },
        { Ma, "a second relationship with a colleague", Kind(Facts.Kinds.DualRelationship, Colleague), "ma-10-dual-relationship", Outcome.WithinCode },
        // Missouri 13: exchanging (giving or receiving) gifts of significant monetary value (more than $25.00).
        { Mo, "$25.00 is not more than $25.00", Gift("received", 25.00m, false), "mo-13-gifts", Outcome.WithinCode },
        { Mo, "one cent over", Gift("received", 25.01m, false), "mo-13-gifts", Outcome.AgainstCode },
        { Mo, "given, one cent over", Gift("given", 25.01m, false), "mo-13-gifts", Outcome.AgainstCode },
        { Mo, "given, at the threshold", Gift("given", 25.00m, false), "mo-13-gifts", Outcome.WithinCode },
        { Mo, "the $60 gift", Gift("received", 60m, false), "mo-13-gifts", Outcome.AgainstCode },
        { Mo, "a $5 gift card", Gift("given", 5m, true), "mo-13-gifts", Outcome.AgainstCode },
        { Mo, "from someone formerly served", Gift("received", 60m, false, FormerlySupported), "mo-13-gifts", Outcome.NeedsReview },
        { Mo, "with a colleague", Gift("received", 60m, false, Colleague), "mo-13-gifts", Outcome.WithinCode },
        // Missouri says nothing about loans or business: needs review under the nearest principle, never within.
        { Mo, "lending", Kind(Facts.Kinds.Loan, direction: "given"), "mo-13-loans", Outcome.NeedsReview },
        { Mo, "borrowing", Kind(Facts.Kinds.Loan, direction: "received"), "mo-13-loans", Outcome.NeedsReview },
        { Mo, "a loan with a colleague", Kind(Facts.Kinds.Loan, Colleague), "mo-13-loans", Outcome.WithinCode },
        { Mo, "business", Kind(Facts.Kinds.Business), "mo-12-business", Outcome.NeedsReview },
        // Missouri 8: the persons served (now); it sets no window after support ends.
        { Mo, "currently served", Intimate(CurrentlySupported, null), "mo-8-intimate", Outcome.AgainstCode },
        { Mo, "eight months after", Intimate(FormerlySupported, D(2026, 3, 20)), "mo-8-intimate", Outcome.NeedsReview },
        { Mo, "five years after", Intimate(FormerlySupported, D(2021, 3, 20)), "mo-8-intimate", Outcome.NeedsReview },
        { Mo, "someone never served", Intimate(SomeoneElse, null), "mo-8-intimate", Outcome.WithinCode },
        // Missouri 12 and 14.
        { Mo, "a dual relationship", Kind(Facts.Kinds.DualRelationship), "mo-12-dual-relationship", Outcome.NeedsReview },
        { Mo, "impaired: the code is silent", Kind(Facts.Kinds.Impairment, null, impaired: true), "mo-14-impairment", Outcome.NeedsReview },
        { Mo, "not impaired", Kind(Facts.Kinds.Impairment, null, impaired: false), "mo-14-impairment", Outcome.WithinCode },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_seeded_rule_decides_at_and_around_its_boundaries(string code, string what, Situation situation, string rule, Outcome expected)
    {
        var evaluation = ShippedRuleFiles.Evaluate(code, situation);

        var result = Assert.Single(evaluation.Rules, r => r.Rule == rule);
        Assert.True(expected == result.Outcome, $"{code}, {what}: expected {expected}, got {result.Outcome} ({result.Reason}) — {string.Join(" | ", result.Trace.Steps)}");
        Assert.Equal(Outcomes.Worst(evaluation.Rules.Select(r => r.Outcome)), evaluation.Outcome);
    }

    [Theory]
    [InlineData(Ma, "ma-11-gift-received", "11.", "Certified Peer Specialists will not engage in business, extend or receive loans, or accept gifts of significant value from those they support.")]
    [InlineData(Mo, "mo-13-gifts", "13.", "CMPS will not exchange gifts of significant monetary value with those they serve.")]
    public void The_trace_quotes_the_principle_and_names_the_code_version_facts_and_parameters(string code, string rule, string label, string text)
    {
        var evaluation = ShippedRuleFiles.Evaluate(code, Gift("received", 60m, false));

        var trace = Assert.Single(evaluation.Rules, r => r.Rule == rule).Trace;
        var principle = Assert.Single(trace.Principles);
        Assert.Equal(label, principle.Label);
        Assert.Equal(text, principle.Text);
        Assert.Equal(rule, trace.Rule);
        Assert.Equal(code, trace.CodeVersion.Code);
        Assert.Equal(1, trace.CodeVersion.Version);
        Assert.Equal(64, trace.CodeVersion.ContentHash.Length);
        Assert.Contains(new FactUsed("value", "$60.00"), trace.Facts);
        Assert.Contains(new FactUsed("cash-or-gift-card", "no"), trace.Facts);
        var threshold = Assert.Single(trace.Parameters, p => p.Parameter == "significant-value");
        Assert.True(threshold.ToConfirm);
        Assert.Equal(new DateOnly(2015, 1, 1), threshold.From);
        Assert.Contains("does not say what", threshold.Source, StringComparison.Ordinal);
        Assert.Contains(trace.Steps, s => s.Contains("value ($60.00) more than significant-value", StringComparison.Ordinal) && s.EndsWith(": yes", StringComparison.Ordinal));
    }

    [Fact]
    public void The_massachusetts_window_trace_shows_the_day_it_ends()
    {
        var evaluation = ShippedRuleFiles.Evaluate(Ma, Intimate(FormerlySupported, D(2026, 3, 20)));

        var trace = Assert.Single(evaluation.Rules).Trace;
        Assert.Equal("13.", Assert.Single(trace.Principles).Label);
        Assert.StartsWith("Certified Peer Specialists will never engage in sexual/intimate activities", trace.Principles[0].Text, StringComparison.Ordinal);
        Assert.Equal("12 months", Assert.Single(trace.Parameters).Value);
        Assert.Contains(trace.Steps, s => s.Contains("the window ends on 2027-03-20", StringComparison.Ordinal));
    }

    [Fact]
    public void Principles_that_apply_but_no_rule_checks_are_listed_not_passed_over()
    {
        var maRelationship = ShippedRuleFiles.Evaluate(Ma, Intimate(SomeoneElse, null));
        var moLoan = ShippedRuleFiles.Evaluate(Mo, Kind(Facts.Kinds.Loan, direction: "given"));

        Assert.Equal(["10."], maRelationship.CannotBeChecked.Select(p => p.Label));
        Assert.Equal(["8."], moLoan.CannotBeChecked.Select(p => p.Label));
        Assert.Contains("exploitive", moLoan.CannotBeChecked[0].Text, StringComparison.Ordinal);
        Assert.Contains("cannot be checked by rule", moLoan.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Ma)]
    [InlineData(Mo)]
    public void A_situation_no_rule_checks_needs_review_never_within_the_code_by_silence(string code)
    {
        var evaluation = ShippedRuleFiles.Evaluate(code, new Situation(Facts.Kinds.Other, Day, Description: "I was asked to be a reference for a landlord."));

        Assert.Empty(evaluation.Rules);
        Assert.Equal(Outcome.NeedsReview, evaluation.Outcome);
        Assert.Contains("No rule of this code checks", evaluation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_rule_set_every_principle_of_the_theme_is_listed_and_the_outcome_is_needs_review()
    {
        var context = ShippedRuleFiles.Context(Ma) with { Rules = null, RuleSet = null };

        var evaluation = RuleEvaluator.Evaluate(context, Gift("received", 1m, false));

        Assert.Equal(Outcome.NeedsReview, evaluation.Outcome);
        Assert.Equal(["11."], evaluation.CannotBeChecked.Select(p => p.Label));
    }

    [Fact]
    public void The_overall_outcome_is_the_worst_of_the_rules_that_apply()
    {
        // Two rules apply to one gift: one within, one against.
        var yaml = ShippedRuleFiles.Text(Ma) + """

          - id: extra-any-gift-review
            about: Every gift is reviewed
            principles: ["10"]
            applies-when:
              - { fact: kind, is: gift }
            otherwise:
              outcome: needs-review
              reason: Test rule.
        """;
        var read = RuleFileReader.Read(yaml);
        Assert.True(read.IsValid, string.Join(" ", read.Errors));

        var small = RuleEvaluator.Evaluate(ShippedRuleFiles.Context(Ma, read.File), Gift("received", 10m, false));
        var large = RuleEvaluator.Evaluate(ShippedRuleFiles.Context(Ma, read.File), Gift("received", 100m, false));

        Assert.Equal([Outcome.WithinCode, Outcome.NeedsReview], small.Rules.Select(r => r.Outcome));
        Assert.Equal(Outcome.NeedsReview, small.Outcome);
        Assert.Equal(Outcome.AgainstCode, large.Outcome);
    }

    [Theory]
    [InlineData("2014-12-31", null)]
    [InlineData("2015-01-01", "$50.00")]
    [InlineData("2026-12-31", "$50.00")]
    [InlineData("2027-01-01", "$75.00")]
    [InlineData("2030-06-01", "$75.00")]
    public void The_parameter_value_in_force_on_the_situations_date_is_used(string date, string? used)
    {
        var yaml = ShippedRuleFiles.Text(Ma).Replace("""
                    status: program setting to confirm
              cash-counts-at-any-value:
            """, """
                    status: program setting to confirm
                  - from: 2027-01-01
                    value: 75.00
                    source: Program policy 2027.
                    status: confirmed
              cash-counts-at-any-value:
            """, StringComparison.Ordinal);
        Assert.Contains("Program policy 2027.", yaml, StringComparison.Ordinal);
        var read = RuleFileReader.Read(yaml);
        Assert.True(read.IsValid, string.Join(" ", read.Errors));
        var situation = Gift("received", 60m, false) with { Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) };

        var result = Assert.Single(RuleEvaluator.Evaluate(ShippedRuleFiles.Context(Ma, read.File), situation).Rules);

        var parameter = result.Trace.Parameters.SingleOrDefault(p => p.Parameter == "significant-value");
        Assert.Equal(used, parameter?.Value);
        Assert.Equal(used switch { null => Outcome.NeedsReview, "$50.00" => Outcome.AgainstCode, _ => Outcome.WithinCode }, result.Outcome);
        if (used == "$75.00")
        {
            Assert.False(parameter!.ToConfirm);
            Assert.Equal("Program policy 2027.", parameter.Source);
        }
    }
}
