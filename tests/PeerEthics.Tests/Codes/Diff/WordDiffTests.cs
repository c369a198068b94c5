using CsCheck;
using PeerEthics.Codes.Diff;

namespace PeerEthics.Tests.Codes.Diff;

public sealed class WordDiffTests
{
    [Fact]
    public void A_replaced_word_shows_as_deleted_then_inserted_among_unchanged_words()
    {
        var words = WordDiff.Between(
            "CMPS will not exchange gifts of significant monetary value.",
            "CMPS will not exchange gifts of any monetary value.");

        Assert.Equal(
            [
                new("CMPS will not exchange gifts of ", DiffWordKind.Unchanged),
                new("significant", DiffWordKind.Deleted),
                new("any", DiffWordKind.Inserted),
                new(" monetary value.", DiffWordKind.Unchanged),
            ],
            words);
    }

    [Fact]
    public void A_changed_punctuation_mark_is_just_that_mark()
    {
        var words = WordDiff.Between("support; and", "support, and");

        Assert.Equal([new("support", DiffWordKind.Unchanged), new(";", DiffWordKind.Deleted), new(",", DiffWordKind.Inserted), new(" and", DiffWordKind.Unchanged)], words);
    }

    [Fact]
    public void Changes_separated_only_by_a_space_read_as_one_change()
    {
        var words = WordDiff.Between("make unwarranted promises of benefits", "make false claims of benefits");

        Assert.Equal(
            [
                new("make ", DiffWordKind.Unchanged),
                new("unwarranted promises", DiffWordKind.Deleted),
                new("false claims", DiffWordKind.Inserted),
                new(" of benefits", DiffWordKind.Unchanged),
            ],
            words);
    }

    [Fact]
    public void Equal_texts_are_one_unchanged_piece_and_empty_texts_none()
    {
        Assert.Equal([new("Same words.", DiffWordKind.Unchanged)], WordDiff.Between("Same words.", "Same words."));
        Assert.Empty(WordDiff.Between("", ""));
        Assert.Equal([new("New.", DiffWordKind.Inserted)], WordDiff.Between("", "New."));
    }

    [Fact]
    public void The_pieces_always_give_back_both_texts_exactly()
    {
        string[] pieces = ["gifts", "loans", "will", "not", " ", "  ", ", ", ".", "\n\n", "sexual/intimate", "one's", "CMPS", "(a)", "–"];
        var text = Gen.OneOf(pieces).Array[0, 16].Select(string.Concat);

        Gen.Select(text, text).Sample((from, to) =>
        {
            var words = WordDiff.Between(from, to);

            Assert.Equal(from, string.Concat(words.Where(w => w.Kind != DiffWordKind.Inserted).Select(w => w.Text)));
            Assert.Equal(to, string.Concat(words.Where(w => w.Kind != DiffWordKind.Deleted).Select(w => w.Text)));
            Assert.All(words, w => Assert.NotEmpty(w.Text));
        });
    }
}
