using PeerEthics.Codes.Themes;

namespace PeerEthics.Tests.Codes.Themes;

public sealed class ThemeTaggerTests
{
    [Theory]
    [InlineData("MA", 1, "self-determination")]
    [InlineData("MA", 2, "personal-conduct")]
    [InlineData("MA", 3, "sharing-recovery-story")]
    [InlineData("MA", 4, "rights-dignity")]
    [InlineData("MA", 5, "no-coercion")]
    [InlineData("MA", 6, "non-discrimination")]
    [InlineData("MA", 7, "advocacy-own-decisions")]
    [InlineData("MA", 8, "privacy-confidentiality")]
    [InlineData("MA", 9, "community-integration")]
    [InlineData("MA", 10, "dual-relationships")]
    [InlineData("MA", 11, "gifts-loans-business")]
    [InlineData("MA", 12, "keeping-knowledge-current")]
    [InlineData("MA", 13, "sexual-intimate-relationships")]
    [InlineData("MA", 14, "impairment")]
    [InlineData("MO", 1, "self-determination")]
    [InlineData("MO", 2, "personal-conduct")]
    [InlineData("MO", 3, "sharing-recovery-story")]
    [InlineData("MO", 4, "privacy-confidentiality")]
    [InlineData("MO", 5, "rights-dignity")]
    [InlineData("MO", 6, "keeping-knowledge-current")]
    [InlineData("MO", 7, "no-coercion")]
    [InlineData("MO", 8, "sexual-intimate-relationships")]
    [InlineData("MO", 9, "non-discrimination")]
    [InlineData("MO", 10, "advocacy-own-decisions")]
    [InlineData("MO", 11, "community-integration")]
    [InlineData("MO", 12, "dual-relationships")]
    [InlineData("MO", 13, "gifts-loans-business")]
    [InlineData("MO", 14, "job-performance")]
    [InlineData("MO", 15, "professional-atmosphere")]
    [InlineData("MO", 16, "honest-self-representation")]
    [InlineData("MO", 17, "safe-workplace")]
    [InlineData("MO", 18, "necessary-services")]
    public void Each_seed_principle_has_its_theme_first(string code, int number, string theme)
    {
        var tags = SeedCodes.Tagger.Tag(SeedCodes.Principle(code, number).Text);

        Assert.NotEmpty(tags);
        Assert.Equal(theme, tags[0].Theme);
    }

    [Fact]
    public void Seed_principles_are_not_given_themes_they_do_not_speak_to()
    {
        var all = SeedCodes.Massachusetts.Concat(SeedCodes.Missouri).Select(p => SeedCodes.Tagger.Tag(p.Text)).ToList();

        // Only Missouri 8 ("exploitive and/or sexual/intimate activities") is about two things.
        Assert.Equal(1, all.Count(tags => tags.Count > 1));
        Assert.Equal(["sexual-intimate-relationships", "exploitation"], SeedCodes.Tagger.Tag(SeedCodes.Principle("MO", 8).Text).Select(t => t.Theme));
    }

    [Fact]
    public void A_reason_quotes_the_words_of_the_principle_that_matched_a_phrase()
    {
        var tag = SeedCodes.Tagger.Tag(SeedCodes.Principle("MA", 11).Text)[0];

        Assert.Contains("mentions 'gifts of significant value'", tag.Reasons);
        Assert.Contains("mentions 'loans'", tag.Reasons);
        Assert.Contains(tag.Reasons, r => r.StartsWith("similar to the theme's description and examples (0.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_phrase_matches_other_inflections_and_one_extra_word()
    {
        var tags = SeedCodes.Tagger.Tag("Specialists will not exchange gifts of significant monetary value with those they serve.");

        Assert.Equal("gifts-loans-business", tags[0].Theme);
        Assert.Contains("mentions 'gifts of significant monetary value'", tags[0].Reasons);
    }

    [Fact]
    public void Small_words_a_phrase_has_are_required_so_undue_influence_is_not_impairment()
    {
        var coercion = SeedCodes.Tagger.Tag("Never use undue influence on the people you serve.");
        var impairment = SeedCodes.Tagger.Tag("Never work under the influence of any drug.");

        Assert.DoesNotContain(coercion, t => t.Theme == "impairment");
        Assert.Equal("impairment", impairment[0].Theme);
        Assert.Contains("mentions 'under the influence'", impairment[0].Reasons);
    }

    [Fact]
    public void Sexual_orientation_is_about_discrimination_not_sexual_relationships()
    {
        var tags = SeedCodes.Tagger.Tag(SeedCodes.Principle("MA", 6).Text);

        Assert.DoesNotContain(tags, t => t.Theme == "sexual-intimate-relationships");
    }

    [Fact]
    public void Wording_without_any_phrase_is_found_by_similarity_and_says_so()
    {
        var tags = SeedCodes.Tagger.Tag("Treat every participant fairly, regardless of race, religion, age, gender or disability.");

        var tag = Assert.Single(tags);
        Assert.Equal("non-discrimination", tag.Theme);
        Assert.True(tag.Score >= ThemeTagger.SimilarityThreshold);
        var reason = Assert.Single(tag.Reasons);
        Assert.Matches(@"^similar to the theme's description and examples \(0\.\d\d\)$", reason);
    }

    [Theory]
    [InlineData("Preheat the oven before baking bread.")]
    [InlineData("Bakers store flour in sealed bins away from moisture.")]
    [InlineData("The meeting starts at nine on Tuesdays.")]
    [InlineData("")]
    public void Text_about_nothing_in_the_taxonomy_has_no_theme(string text)
    {
        Assert.Empty(SeedCodes.Tagger.Tag(text));
    }

    [Fact]
    public void Themes_come_from_the_theme_file_alone()
    {
        var weather = new ThemeTagger(new ThemeTaxonomy(
            [new Theme("rain", "Rain", "Water falling from the sky.") { Phrases = ["umbrella"], Examples = ["Bring a coat when it pours."] }]));

        Assert.Equal("rain", Assert.Single(weather.Tag("Specialists will carry umbrellas.")).Theme);
        Assert.Empty(weather.Tag(SeedCodes.Principle("MA", 11).Text));
    }

    [Fact]
    public void Themes_are_listed_strongest_first()
    {
        var tags = SeedCodes.Tagger.Tag("Never accept gifts, and keep what people tell you confidential.");

        Assert.True(tags.Count >= 2);
        Assert.Equal(tags.OrderByDescending(t => t.Score).Select(t => t.Theme), tags.Select(t => t.Theme));
        Assert.All(tags, t => Assert.InRange(t.Score, 0.0, 1.0));
    }
}
