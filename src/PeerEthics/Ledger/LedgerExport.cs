using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PeerEthics.Ledger;

/// <summary>An exported ledger read back: its entries and checkpoints in file order, and the key it names.</summary>
public sealed record LedgerFile(IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<LedgerCheckpoint> Checkpoints, LedgerPublicKey? PublicKey);

/// <summary>
/// The ledger as JSON Lines, for keeping a copy and verifying it offline. The first line describes the export
/// and names the public key; then, in order, each entry (<c>"type":"entry"</c>, its payload as the JSON object it
/// is) followed by the checkpoint made with it (<c>"type":"checkpoint"</c>). Idempotency keys are not exported:
/// they are not part of what was signed.
/// </summary>
public static class LedgerExport
{
    public const string Format = "peerethics-ledger-export/1";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(TextWriter output, IAsyncEnumerable<LedgerEntry> entries, IReadOnlyList<LedgerCheckpoint> checkpoints, LedgerPublicKey? publicKey, DateTimeOffset exportedAt, CancellationToken cancellationToken = default)
    {
        await output.WriteLineAsync(Line(w =>
        {
            w.WriteString("type", "ledger");
            w.WriteString("format", Format);
            w.WriteString("exportedAt", CanonicalJson.Time(exportedAt));
            if (publicKey is not null)
            {
                w.WriteStartObject("publicKey");
                w.WriteString("keyId", publicKey.KeyId);
                w.WriteString("algorithm", "Ed25519");
                w.WriteString("publicKey", publicKey.Base64);
                w.WriteEndObject();
            }
        }));

        var bySize = checkpoints.ToDictionary(c => c.Size);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await output.WriteLineAsync(EntryLine(entry));
            if (bySize.Remove(entry.Sequence, out var checkpoint))
            {
                await output.WriteLineAsync(CheckpointLine(checkpoint));
            }
        }

        foreach (var checkpoint in bySize.Values.OrderBy(c => c.Size))
        {
            await output.WriteLineAsync(CheckpointLine(checkpoint));
        }
    }

    public static string EntryLine(LedgerEntry entry) => Line(w =>
    {
        w.WriteString("type", "entry");
        WriteEntry(w, entry);
    });

    internal static void WriteEntry(Utf8JsonWriter w, LedgerEntry entry)
    {
        w.WriteNumber("sequence", entry.Sequence);
        w.WriteString("at", CanonicalJson.Time(entry.At));
        w.WriteString("kind", entry.Kind);
        w.WriteString("previousHash", entry.PreviousHash);
        w.WriteString("hash", entry.Hash);
        w.WritePropertyName("payload");
        w.WriteRawValue(entry.Payload, skipInputValidation: false);
    }

    public static string CheckpointLine(LedgerCheckpoint checkpoint) => Line(w =>
    {
        w.WriteString("type", "checkpoint");
        WriteCheckpoint(w, checkpoint);
    });

    internal static void WriteCheckpoint(Utf8JsonWriter w, LedgerCheckpoint checkpoint)
    {
        w.WriteNumber("size", checkpoint.Size);
        w.WriteString("headHash", checkpoint.HeadHash);
        w.WriteString("merkleRoot", checkpoint.MerkleRoot);
        w.WriteString("at", CanonicalJson.Time(checkpoint.At));
        w.WriteString("keyId", checkpoint.KeyId);
        w.WriteString("signature", checkpoint.Signature);
    }

    private static string Line(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads an export. A line that is not what an export holds is a <see cref="FormatException"/> naming the line.</summary>
    public static async Task<LedgerFile> ReadAsync(TextReader input, CancellationToken cancellationToken = default)
    {
        var entries = new List<LedgerEntry>();
        var checkpoints = new List<LedgerCheckpoint>();
        LedgerPublicKey? key = null;
        var number = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var json = document.RootElement;
                switch (Text(json, "type"))
                {
                    case "ledger":
                        if (Text(json, "format") != Format)
                        {
                            throw new FormatException($"it is not a {Format} export");
                        }

                        key = json.TryGetProperty("publicKey", out var k) && Text(k, "publicKey") is { } base64 ? LedgerPublicKey.Parse(base64) : null;
                        break;
                    case "entry":
                        entries.Add(ReadEntry(json));
                        break;
                    case "checkpoint":
                        checkpoints.Add(ReadCheckpoint(json));
                        break;
                    default:
                        throw new FormatException("it is neither an entry nor a checkpoint");
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"line {number} of the export cannot be read: {e.Message.TrimEnd('.')}.", e);
            }
        }

        return new LedgerFile(entries, checkpoints, key);
    }

    internal static LedgerEntry ReadEntry(JsonElement json)
    {
        var payloadElement = json.GetProperty("payload");
        string payload;
        try
        {
            payload = CanonicalJson.Canonicalize(payloadElement);
        }
        catch (FormatException)
        {
            payload = payloadElement.GetRawText();
        }

        return new LedgerEntry
        {
            Sequence = json.GetProperty("sequence").GetInt64(),
            At = ParseTime(Text(json, "at")),
            Kind = Text(json, "kind") ?? "",
            CommitmentId = CommitmentRecord.FromPayload(payload)?.CommitmentId ?? "",
            Payload = payload,
            PreviousHash = Text(json, "previousHash") ?? "",
            Hash = Text(json, "hash") ?? "",
        };
    }

    internal static LedgerCheckpoint ReadCheckpoint(JsonElement json) => new()
    {
        Size = json.GetProperty("size").GetInt64(),
        HeadHash = Text(json, "headHash") ?? "",
        MerkleRoot = Text(json, "merkleRoot") ?? "",
        At = ParseTime(Text(json, "at")),
        KeyId = Text(json, "keyId") ?? "",
        Signature = Text(json, "signature") ?? "",
    };

    private static DateTimeOffset ParseTime(string? text) =>
        CanonicalJson.TryParseTime(text, out var time) ? time : throw new FormatException($"\"{text}\" is not a UTC time like 2026-11-23T09:00:00.000000Z");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
