using PeerEthics.Ledger;
using PeerEthics.Data;

namespace PeerEthics.Tests.Ledger;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Keys_are_sorted_whitespace_goes_and_strings_are_escaped_only_where_JSON_requires()
    {
        var canonical = CanonicalJson.Canonicalize("""{ "b": 1, "a": { "z": [true, null, "x"], "é": "Zoë \"Z\" \\ \n\t\u0001 ✓" }, "B": -2 }""");

        Assert.Equal("{\"B\":-2,\"a\":{\"z\":[true,null,\"x\"],\"é\":\"Zoë \\\"Z\\\" \\\\ \\n\\t\\u0001 ✓\"},\"b\":1}", canonical);
        Assert.Equal(canonical, CanonicalJson.Canonicalize(canonical));
    }

    [Fact]
    public void Fractions_and_duplicate_keys_are_refused()
    {
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize("""{"a":1.5}"""));
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize("""{"a":1,"a":2}"""));
    }

    [Fact]
    public void Times_are_UTC_with_six_fractional_digits()
    {
        var time = new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1_234_567);

        Assert.Equal("2026-11-23T09:00:00.123456Z", CanonicalJson.Time(time));
        Assert.True(CanonicalJson.TryParseTime("2026-11-23T09:00:00.123456Z", out var parsed));
        Assert.Equal(StoredForm.ToStoredPrecision(time), parsed);
    }

    [Fact]
    public void A_commitment_payload_is_canonical_and_reads_back_to_the_same_record()
    {
        var record = new CommitmentRecord(CommitmentRecord.NewId(), "person-1", "missouri-cmps", null, "missouri-cmps", 2, new string('c', 64),
            "I, José Núñez, have read…", "josé  núñez", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), "passkey", null);

        var payload = record.ToPayload();

        Assert.Equal(payload, CanonicalJson.Canonicalize(payload));
        Assert.StartsWith("{\"authentication\":\"passkey\",\"code\":\"missouri-cmps\",\"codeHash\":", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("ip", payload.Split('"').Where((_, i) => i % 2 == 1), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(record, CommitmentRecord.FromPayload(payload));
    }
}
