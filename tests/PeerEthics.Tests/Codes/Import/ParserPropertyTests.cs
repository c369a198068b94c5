using System.Text;
using CsCheck;
using static PeerEthics.Tests.Codes.Import.CodeDocuments;

namespace PeerEthics.Tests.Codes.Import;

/// <summary>
/// Generated documents, 130,000 in all: realistic ones built from the fragments real codes are made of (and
/// the ways they go wrong), clean numbered lists whose reading is known in advance, and random strings.
/// The parser never throws and never drops, adds or reorders a word.
/// </summary>
public sealed class ParserPropertyTests
{
    private static readonly Gen<string> _newline = Gen.OneOf("\n", "\n", "\r\n", "\r");

    private static readonly Gen<string> _space = Gen.OneOf(" ", " ", " ", "  ", "\t", "\u00A0", "\u2003", "\u3000", "\u202F");

    private static readonly Gen<string> _title = Gen.OneOf(
        "Certified Peer Specialists Code of Ethics Massachusetts",
        "Missouri Department of Mental Health Certified Missouri Peer Specialist Code of Ethics",
        "Pennsylvania Certification Board Code of Ethical Conduct",
        "CODE OF ETHICS",
        "Peer Support Code of Ethics",
        "code of ethics",
        "The following principles will guide Certified Peer Specialists in all they do.");

    private static readonly Gen<string> _sentence = Gen.OneOf(
        "Certified Peer Specialists will respect the privacy and confidentiality of those they support.",
        "CMPS will not exchange gifts of significant monetary value with those they serve.",
        "as required by directive 885-07 (4-100) and",
        "2015 based on survey and other feedback from the field.",
        "(4-100) and the rules adopted under it",
        "Further revisions were done in the summer of 2008 and summer of 2013, and 2015.",
        "These expectations also apply to training participants with respect to interactions with their colleagues.",
        "We call it “walking the talk” – or ‘integrity’…",
        "In other words, your professional CPS life starts today !",
        "of which at least",
        "3 hours must address ethics.",
        "never share a person’s story;",
        "9. of the regulations",
        "I – b. Peer supporters protect privacy.",
        "10… Report abuse.",
        "Signature _____ Date: _____");

    private static readonly Gen<string> _heading = Gen.OneOf(
        "Principle: Conduct", "SUPERVISION", "III. Fundamental Ethics and Boundaries", "Self-Determination", "Preamble",
        "Pledge", "Working With Colleagues", "SUPERVISION:");

    private static readonly Gen<string> _leadIn = Gen.OneOf(
        "A certified peer support specialist must:", "As a Peer Recovery professional, I will:",
        "Certified Missouri Peer Specialists (CMPS) will maintain high standards of professional conduct and ethics as embodied in the statements below:");

    private static readonly Gen<string> _label = Gen.OneOf(
        Gen.Int[0, 25].Select(n => $"{n}."),
        Gen.Int[1, 25].Select(n => $"{n})"),
        Gen.Int[1, 25].Select(n => $"({n})"),
        Gen.Int[1, 25].Select(n => $"{n}…"),
        Gen.OneOf("I.", "II.", "III.", "IV.", "V.", "IX.", "X.", "i.", "ii.", "iii.", "iv.", "(i)", "(ii)"),
        Gen.Char['a', 'k'].Select(c => $"{c}."),
        Gen.Char['A', 'K'].Select(c => $"({c})"),
        Gen.OneOf("-", "•", "*", "–", "·"),
        Gen.OneOf("I – a.", "I – b.", "II – a.", "III – c.", "Principle 1:", "Standard II.", "1.The", "1.1", "1.2", "2.1.", "3.5"));

    private static readonly Gen<string> _junk = Gen.Char["abc 1.()-–…•*_\u00A0\uFEFF\f\t\r\nIVX:;\"“”’\uD800\u0000"].Array[0, 30].Select(chars => new string(chars));

    private static readonly Gen<string> _line = Gen.Frequency(
        (8, Gen.Select(Gen.OneOf("", " ", "  ", "\t", "\u00A0"), _label, _space, _sentence, (indent, label, space, text) => indent + label + space + text)),
        (3, _sentence),
        (1, _heading),
        (1, _leadIn),
        (3, Gen.Const("")),
        (1, Gen.OneOf("\f", "Page 2 of 3", "- 3 -", "\u2029")),
        (1, Gen.OneOf("I _____ fully understand the Code of Ethics and commit myself to carrying out the principles.", "I, ________, agree.", "____________ ________", "Signature Date")),
        (1, Gen.OneOf("Revised 2015", "Adopted by the Board in 2008. Revised in 2014.", "Issued by the State Office of Peer Recovery Services.")),
        (1, _junk));

    private static readonly Gen<string> _realistic = Gen.Select(
        Gen.Bool, _title, _line.Array[0, 40], _newline, Gen.Bool,
        (bom, title, lines, newline, crlfEverywhere) =>
        {
            var text = new StringBuilder(bom ? "\uFEFF" : "");
            text.Append(title).Append(newline).Append(newline);
            foreach (var line in lines)
            {
                text.Append(line).Append(crlfEverywhere ? "\r\n" : newline);
            }

            return text.ToString();
        });

    private static readonly Gen<string> _random = Gen.OneOf(
        Gen.String[0, 200],
        Gen.Char["\n\r\f \t\u00A0\u2028\u2029\uFEFF1234567890.()-–—…•*_:;IVXLCivxlcabcdeABCDE \"“”'’"].Array[0, 300].Select(chars => new string(chars)),
        Gen.Char.Array[0, 300].Select(chars => new string(chars)));

    // A clean document: title, lead-in, n items in one label style, blank lines or page breaks between some
    // items, maybe a pledge. Its reading is known in advance.
    private static readonly Gen<(string Source, string[] Labels)> _clean = Gen.Select(
        Gen.Int[0, 5], Gen.Int[1, 30], Gen.Int[0, 7].Array[30], _newline, Gen.Bool,
        (style, count, gaps, newline, pledge) =>
        {
            var labels = Enumerable.Range(1, count).Select(n => style switch
            {
                0 => $"{n}.",
                1 => $"{n})",
                2 => $"({n})",
                3 => $"{n}…",
                4 => Roman(n) + ".",
                _ => "-",
            }).ToArray();
            var text = new StringBuilder("Peer Specialist Code of Ethics").Append(newline).Append(newline);
            text.Append("As a Peer Recovery professional, I will:").Append(newline).Append(newline);
            for (var i = 0; i < count; i++)
            {
                text.Append(labels[i]).Append(' ').Append("Keep principle number ").Append(i + 1).Append(" as written.").Append(newline);
                text.Append(gaps[i] switch { 0 => newline, 1 => "\f", _ => "" });
            }

            if (pledge)
            {
                text.Append(newline).Append("I _____ fully understand the Code of Ethics.").Append(newline).Append(newline).Append("Signature _____ Date: _____");
            }

            return (text.ToString(), style == 5 ? Enumerable.Range(1, count).Select(n => $"•{n}").ToArray() : labels);
        });

    [Fact]
    public void Realistic_generated_documents_never_throw_and_never_lose_a_word()
    {
        _realistic.Sample(source => { ParseChecked(source); }, iter: 60_000, threads: 2);
    }

    [Fact]
    public void Random_strings_never_throw_and_never_lose_a_word()
    {
        _random.Sample(source => { ParseChecked(source); }, iter: 50_000, threads: 2);
    }

    [Fact]
    public void Clean_numbered_lists_read_back_exactly_the_items_they_were_made_of()
    {
        _clean.Sample(
            document =>
            {
                var parsed = ParseChecked(document.Source);
                Assert.Equal(document.Labels, parsed.Principles.Select(p => p.Label));
                Assert.All(parsed.Principles, (p, i) => Assert.Equal($"Keep principle number {i + 1} as written.", p.Text));
                Assert.All(parsed.Principles, p => Assert.Equal("As a Peer Recovery professional, I will:", p.LeadIn));
                Assert.Equal("Peer Specialist Code of Ethics", parsed.Title);
                Assert.Empty(parsed.Warnings);
                Assert.Empty(parsed.OtherText);
                Assert.Equal(document.Source.Contains("I _____", StringComparison.Ordinal), parsed.Pledge is not null);
            },
            iter: 20_000,
            threads: 2);
    }

    private static readonly string[] _romanTens = ["", "X", "XX", "XXX"];
    private static readonly string[] _romanOnes = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

    private static string Roman(int n) => _romanTens[n / 10] + _romanOnes[n % 10];
}
