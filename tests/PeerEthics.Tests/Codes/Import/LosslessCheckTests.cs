using PeerEthics.Codes.Import;

namespace PeerEthics.Tests.Codes.Import;

/// <summary>The lossless check the staff preview shows: it agrees with the test's own check, and it can fail.</summary>
public sealed class LosslessCheckTests
{
    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_corpus_document_is_reported_lossless(string file)
    {
        var source = CodeDocuments.Corpus(file);
        var parsed = CodeDocumentParser.Parse(source);

        var result = LosslessCheck.Check(source, parsed);

        Assert.True(result.Lossless, $"{file}: differs at word {result.FirstDifference}: {result.SourceAround} / {result.KeptAround}");
        Assert.Equal(CodeDocuments.Words(source).Count, result.SourceWords);
    }

    [Fact]
    public void A_parse_that_lost_a_word_is_reported_with_where_it_happened()
    {
        var source = "Code of Ethics\n\n1. Respect every person.\n2. Keep confidences.\n";
        var parsed = CodeDocumentParser.Parse(source);
        var lossy = parsed with { Elements = [.. parsed.Elements.Select(e => e.Text.Contains("confidences", StringComparison.Ordinal) ? e with { Text = "2. Keep" } : e)] };

        var result = LosslessCheck.Check(source, lossy);

        Assert.False(result.Lossless);
        Assert.Equal(10, result.SourceWords);
        Assert.Equal(9, result.KeptWords);
        Assert.Equal(10, result.FirstDifference);
        Assert.EndsWith("Keep confidences.", result.SourceAround, StringComparison.Ordinal);
    }

    public static TheoryData<string> Corpus() => [.. CodeDocuments.CorpusFiles];
}
