using PeerEthics.Codes.Crosswalk;
using PeerEthics.Codes.Import;
using PeerEthics.Tests.Codes.Themes;
using static PeerEthics.Tests.Codes.Crosswalk.SampleCodes;

namespace PeerEthics.Tests.Codes.Crosswalk;

public sealed class CrosswalkBuilderTests
{
    private static readonly CrosswalkBuilder Builder = new(SeedCodes.Tagger);

    [Fact]
    public void Massachusetts_and_Missouri_pair_principle_by_principle_as_the_programs_read_them()
    {
        var crosswalk = Builder.Compute(SeedCodes.Massachusetts, SeedCodes.Missouri);

        Assert.Equal(
            ["1=1", "2=2", "3=3", "4=5", "5=7", "6=9", "7=10", "8=4", "9=11", "10=12", "11=13", "12=6", "13=8"],
            Pairs(crosswalk));
        Assert.Equal(["14."], crosswalk.OnlyLeft.Select(p => p.Label));
        Assert.Equal(["14.", "15.", "16.", "17.", "18."], crosswalk.OnlyRight.Select(p => p.Label));
    }

    [Fact]
    public void Every_Massachusetts_and_Missouri_pair_says_why_with_a_shared_theme()
    {
        var crosswalk = Builder.Compute(SeedCodes.Massachusetts, SeedCodes.Missouri);

        var gifts = crosswalk.Pairs.Single(p => p.Left.Label == "11.");
        Assert.Equal("gifts-loans-business", gifts.Themes[0]);
        Assert.Equal(["gifts", "significant", "value"], gifts.SharedWords.Order());
        Assert.All(crosswalk.Pairs, pair => Assert.NotEmpty(pair.Themes));
        Assert.All(crosswalk.Pairs, pair => Assert.InRange(pair.Score, CrosswalkBuilder.MatchThreshold, 1.0));
    }

    [Fact]
    public void The_threshold_sits_well_clear_of_both_the_right_and_the_wrong_Massachusetts_Missouri_pairings()
    {
        var expected = new HashSet<(int, int)> { (1, 1), (2, 2), (3, 3), (4, 5), (5, 7), (6, 9), (7, 10), (8, 4), (9, 11), (10, 12), (11, 13), (12, 6), (13, 8) };
        var scores = Builder.ScoreAll(SeedCodes.Massachusetts, SeedCodes.Missouri);

        for (var i = 0; i < scores.GetLength(0); i++)
        {
            for (var j = 0; j < scores.GetLength(1); j++)
            {
                if (expected.Contains((i + 1, j + 1)))
                {
                    Assert.True(scores[i, j] >= CrosswalkBuilder.MatchThreshold + 0.1, $"MA {i + 1} – MO {j + 1} scores only {scores[i, j]:0.000}");
                }
                else
                {
                    Assert.True(scores[i, j] <= CrosswalkBuilder.MatchThreshold - 0.1, $"MA {i + 1} – MO {j + 1} scores {scores[i, j]:0.000}");
                }
            }
        }
    }

    [Fact]
    public void Shared_words_leave_out_small_words_and_the_name_of_the_credential()
    {
        var crosswalk = Builder.Compute(SeedCodes.Massachusetts, SeedCodes.Missouri);

        var shared = crosswalk.Pairs.SelectMany(p => p.SharedWords).ToHashSet();
        Assert.Contains("confidentiality", shared);
        Assert.DoesNotContain("will", shared);
        Assert.DoesNotContain("the", shared);
        Assert.DoesNotContain("certified", shared);
        Assert.DoesNotContain("peer", shared);
        Assert.DoesNotContain("specialists", shared);
        Assert.DoesNotContain("cmps", shared);
    }

    [Fact]
    public void A_credential_name_the_theme_file_does_not_know_is_still_not_counted_as_shared_wording()
    {
        // "Recovery Coaches" opens every principle: it is the code's boilerplate, found by counting.
        var crosswalk = Builder.Compute(RecoveryCoaches, RecoveryCoaches);

        Assert.All(crosswalk.Pairs, pair => Assert.DoesNotContain("coaches", pair.SharedWords));
        Assert.All(crosswalk.Pairs, pair => Assert.DoesNotContain("recovery", pair.SharedWords));
    }

    [Theory]
    [InlineData("MA")]
    [InlineData("MO")]
    [InlineData("coaches")]
    [InlineData("support")]
    [InlineData("bakery")]
    [InlineData("office")]
    public void A_code_compared_with_itself_pairs_every_principle_with_itself_at_full_score(string name)
    {
        var code = Sample(name);

        var crosswalk = Builder.Compute(code, code);

        Assert.Equal(code.Count, crosswalk.Pairs.Count);
        Assert.All(crosswalk.Pairs, pair => Assert.Same(pair.Left, pair.Right));
        Assert.All(crosswalk.Pairs, pair => Assert.True(pair.Score >= 0.99, $"{pair.Left.Label} scores {pair.Score}"));
        Assert.Empty(crosswalk.OnlyLeft);
        Assert.Empty(crosswalk.OnlyRight);
    }

    [Fact]
    public void Principles_reordered_and_renumbered_are_found_by_what_they_say()
    {
        var shuffled = Reordered(SeedCodes.Massachusetts, 13, 7, 0, 10, 2, 12, 4, 1, 9, 3, 11, 5, 8, 6);

        var crosswalk = Builder.Compute(SeedCodes.Massachusetts, shuffled);

        Assert.Equal(14, crosswalk.Pairs.Count);
        Assert.All(crosswalk.Pairs, pair => Assert.Equal(pair.Left.Text, pair.Right.Text));
    }

    [Fact]
    public void A_code_that_says_the_same_things_in_other_words_is_paired_by_theme()
    {
        var crosswalk = Builder.Compute(RecoveryCoaches, SeedCodes.Massachusetts);

        Assert.Equal(["A=8", "B=13", "C=11", "D=14", "E=6", "F=5", "G=12"], Pairs(crosswalk));
        Assert.Equal(["H."], crosswalk.OnlyLeft.Select(p => p.Label));
    }

    [Fact]
    public void A_first_person_code_written_after_the_method_was_settled_pairs_sensibly_with_both_seeds()
    {
        var withMassachusetts = Builder.Compute(RecoverySupport, SeedCodes.Massachusetts);
        var withMissouri = Builder.Compute(RecoverySupport, SeedCodes.Missouri);

        Assert.Equal(["A=1", "B=8", "D=11", "E=13", "F=14", "J=4"], Pairs(withMassachusetts));
        Assert.Equal(["A=1", "C=4", "D=13", "E=8", "G=14", "H=16", "J=5"], Pairs(withMissouri));

        // The paperwork rule matches nothing; the job and honesty rules have no Massachusetts partner.
        Assert.Equal(["C.", "G.", "H.", "I."], withMassachusetts.OnlyLeft.Select(p => p.Label));
        Assert.Equal(["B.", "F.", "I."], withMissouri.OnlyLeft.Select(p => p.Label));
    }

    [Theory]
    [InlineData("MA")]
    [InlineData("MO")]
    [InlineData("coaches")]
    public void Principles_about_unrelated_things_stay_unmatched(string name)
    {
        var crosswalk = Builder.Compute(Bakery, Sample(name));

        Assert.Empty(crosswalk.Pairs);
        Assert.Equal(Bakery, crosswalk.OnlyLeft);
        Assert.Equal(Sample(name), crosswalk.OnlyRight);
    }

    [Theory]
    [InlineData("MA")]
    [InlineData("MO")]
    public void Principles_that_share_only_common_words_score_well_under_the_threshold(string name)
    {
        var scores = Builder.ScoreAll(OfficeRules, Sample(name));

        Assert.All(scores.Cast<double>(), score => Assert.True(score <= CrosswalkBuilder.MatchThreshold - 0.15, $"scores {score:0.000}"));
        Assert.Empty(Builder.Compute(OfficeRules, Sample(name)).Pairs);
    }

    [Fact]
    public void Swapping_the_codes_mirrors_the_crosswalk()
    {
        var forward = Builder.Compute(SeedCodes.Massachusetts, SeedCodes.Missouri);
        var backward = Builder.Compute(SeedCodes.Missouri, SeedCodes.Massachusetts);

        Assert.Equal(
            forward.Pairs.Select(p => (p.Left.Label, p.Right.Label, p.Score)).Order(),
            backward.Pairs.Select(p => (p.Right.Label, p.Left.Label, p.Score)).Order());
        Assert.Equal(forward.OnlyLeft, backward.OnlyRight);
    }

    [Fact]
    public void The_output_comes_in_each_codes_own_order_and_is_the_same_every_time()
    {
        var first = Builder.Compute(SeedCodes.Missouri, SeedCodes.Massachusetts);
        var second = new CrosswalkBuilder(SeedCodes.Tagger).Compute(SeedCodes.Missouri, SeedCodes.Massachusetts);

        Assert.Equal(first.Pairs.Select(p => p.Left.Line), first.Pairs.Select(p => p.Left.Line).Order());
        Assert.Equal(first.OnlyRight.Select(p => p.Line), first.OnlyRight.Select(p => p.Line).Order());
        Assert.Equal(Pairs(first), Pairs(second));
        Assert.Equal(first.Pairs.Select(p => (p.Score, string.Join(",", p.Themes), string.Join(",", p.SharedWords))),
            second.Pairs.Select(p => (p.Score, string.Join(",", p.Themes), string.Join(",", p.SharedWords))));
    }

    [Fact]
    public void A_principle_is_paired_at_most_once_even_when_two_on_the_other_side_say_the_same()
    {
        var twice = Code("Coaches respect the privacy and confidentiality of those they serve.", "Coaches respect the privacy and confidentiality of those they serve.");

        var crosswalk = Builder.Compute(twice, SeedCodes.Missouri);

        Assert.Equal(["A=4"], Pairs(crosswalk));
        Assert.Equal(["B."], crosswalk.OnlyLeft.Select(p => p.Label));
    }

    [Fact]
    public void An_empty_code_leaves_everything_in_the_other_unmatched()
    {
        var crosswalk = Builder.Compute([], SeedCodes.Missouri);

        Assert.Empty(crosswalk.Pairs);
        Assert.Equal(18, crosswalk.OnlyRight.Count);
    }

    private static IReadOnlyList<ParsedPrinciple> Sample(string name) => name switch
    {
        "coaches" => RecoveryCoaches,
        "support" => RecoverySupport,
        "bakery" => Bakery,
        "office" => OfficeRules,
        _ => SeedCodes.Code(name),
    };

    private static List<string> Pairs(CodeCrosswalk crosswalk) =>
        [.. crosswalk.Pairs.Select(p => $"{p.Left.Label.TrimEnd('.')}={p.Right.Label.TrimEnd('.')}")];
}
