using PeerEthics.Codes.Themes;

namespace PeerEthics.Tests.Codes.Themes;

public sealed class ThemeTaxonomyTests
{
    private const string GoodTheme = """
        - id: gifts-loans-business
          name: Gifts, loans and business
          description: No money between specialist and person served.
          phrases:
            - gift
          examples:
            - Do not accept gifts.
        """;

    [Fact]
    public void The_shipped_theme_file_has_every_theme_the_programs_asked_for()
    {
        var taxonomy = ThemeTaxonomy.LoadShipped();

        string[] asked =
        [
            "self-determination", "personal-conduct", "sharing-recovery-story", "rights-dignity", "no-coercion",
            "non-discrimination", "advocacy-own-decisions", "privacy-confidentiality", "community-integration",
            "dual-relationships", "gifts-loans-business", "keeping-knowledge-current", "sexual-intimate-relationships",
            "impairment", "job-performance", "professional-atmosphere", "honest-self-representation", "safe-workplace",
            "necessary-services",
        ];
        Assert.Subset(taxonomy.Themes.Select(t => t.Id).ToHashSet(), asked.ToHashSet());
        Assert.All(taxonomy.Themes, t => Assert.NotEmpty(t.Phrases));
        Assert.All(taxonomy.Themes, t => Assert.True(t.Examples.Count >= 2, $"{t.Id} needs examples"));
        Assert.Contains("specialist", taxonomy.IgnoredWords);
    }

    [Fact]
    public void A_well_formed_file_reads_every_field()
    {
        var taxonomy = ThemeTaxonomy.Parse($"themes:\n{GoodTheme}");

        var theme = Assert.Single(taxonomy.Themes);
        Assert.Equal(("gifts-loans-business", "Gifts, loans and business"), (theme.Id, theme.Name));
        Assert.Equal("No money between specialist and person served.", theme.Description);
        Assert.Equal(["gift"], theme.Phrases);
        Assert.Equal(["Do not accept gifts."], theme.Examples);
        Assert.Empty(taxonomy.IgnoredWords);
    }

    [Theory]
    [InlineData("- name: Gifts\n  description: Money.\n  phrases: [gift]", "theme #1", "'id' is missing")]
    [InlineData("- id: Gifts_Loans\n  name: Gifts\n  description: Money.\n  phrases: [gift]", "theme 'Gifts_Loans'", "'id' must be kebab-case")]
    [InlineData("- id: gifts\n  description: Money.\n  phrases: [gift]", "theme 'gifts'", "'name' is missing")]
    [InlineData("- id: gifts\n  name: Gifts\n  phrases: [gift]", "theme 'gifts'", "'description' is missing")]
    [InlineData("- id: gifts\n  name: Gifts\n  description: [a, b]\n  phrases: [gift]", "theme 'gifts'", "'description' must be text")]
    [InlineData("- id: gifts\n  name: Gifts\n  description: Money.\n  phrase:\n    - gift", "theme 'gifts'", "unknown field 'phrase'")]
    [InlineData("- id: gifts\n  name: Gifts\n  description: Money.\n  phrases: gift", "theme 'gifts'", "'phrases' must be a list")]
    [InlineData("- id: gifts\n  name: Gifts\n  description: Money.\n  phrases: [of the]", "theme 'gifts'", "the phrase 'of the'")]
    [InlineData("- id: gifts\n  name: Gifts\n  description: Money.\n  examples:\n    -", "theme 'gifts'", "every item of 'examples'")]
    [InlineData("- id: gifts\n  name: Gifts\n  description: Money.", "theme 'gifts'", "give 'phrases' or 'examples'")]
    public void A_malformed_theme_is_reported_by_theme_and_field(string theme, string who, string problem)
    {
        var error = Assert.Throws<ThemeTaxonomyException>(() => ThemeTaxonomy.Parse($"themes:\n{theme}\n"));

        Assert.StartsWith("themes.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(who, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_themes_with_one_id_are_refused()
    {
        var error = Assert.Throws<ThemeTaxonomyException>(() => ThemeTaxonomy.Parse($"themes:\n{GoodTheme}\n{GoodTheme}"));

        Assert.Contains("'gifts-loans-business'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'id' is used by an earlier theme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrase_made_only_of_ignored_words_is_refused()
    {
        const string yaml = "ignored-words: [peer, specialist]\nthemes:\n- id: gifts\n  name: Gifts\n  description: Money.\n  phrases: [gift, peer specialists]\n";

        var error = Assert.Throws<ThemeTaxonomyException>(() => ThemeTaxonomy.Parse(yaml));

        Assert.Contains("the phrase 'peer specialists'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("themes:\n- id: gifts\n  name: \"Gifts\n", "line ", "not valid YAML")]
    [InlineData("ignored-words: []\n", "themes.yaml", "no 'themes' list")]
    [InlineData("themes:\n  id: gifts\n", "line 2", "'themes' must be a list")]
    [InlineData("them:\n  - id: gifts\n", "line 1", "unknown field 'them'")]
    [InlineData("themes: []\n", "themes.yaml", "There are no themes")]
    public void A_file_that_is_not_a_theme_list_says_what_is_wrong_and_where(string yaml, string where, string problem)
    {
        var error = Assert.Throws<ThemeTaxonomyException>(() => ThemeTaxonomy.Parse(yaml));

        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_theme_file_is_named()
    {
        var error = Assert.Throws<ThemeTaxonomyException>(() => ThemeTaxonomy.Load("/no/such/themes.yaml"));

        Assert.Contains("/no/such/themes.yaml", error.Message, StringComparison.Ordinal);
    }
}
