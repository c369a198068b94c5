using System.Text.Json;
using System.Text.Json.Nodes;

namespace PeerEthics.Ledger;

/// <summary>
/// What a person signed, as the signing flow hands it to <see cref="CommitmentLedger.AppendAsync"/>. Every
/// reference is an opaque string so the ledger does not depend on how people, credentials and cohorts are
/// stored. No IP address unless the program turns that on (<see cref="IpAddress"/>).
/// </summary>
/// <param name="CommitmentId">A new GUID (<see cref="NewId"/>): unguessable, it is also the key to the public verification page.</param>
/// <param name="Person">The person's id in the people register.</param>
/// <param name="Program">The program's slug, e.g. <c>massachusetts-cps</c>.</param>
/// <param name="CredentialOrCohort">What the commitment is for, e.g. <c>credential:123</c> or <c>cohort:2027-spring</c>; null when neither.</param>
/// <param name="Code">The code's slug.</param>
/// <param name="CodeVersion">The version number signed.</param>
/// <param name="CodeHash">The version's content hash (lower-case hex SHA-256).</param>
/// <param name="PledgeText">The exact pledge text shown, with the name filled in.</param>
/// <param name="TypedName">The name as the person typed it.</param>
/// <param name="SignedAt">The server's time of signing (UTC; kept to the microsecond).</param>
/// <param name="Authentication">How the person proved who they were: <c>password</c>, <c>password+totp</c>, <c>passkey</c>…</param>
/// <param name="UserAgent">The browser's user agent, if any.</param>
public sealed record CommitmentRecord(
    string CommitmentId,
    string Person,
    string Program,
    string? CredentialOrCohort,
    string Code,
    int CodeVersion,
    string CodeHash,
    string PledgeText,
    string TypedName,
    DateTimeOffset SignedAt,
    string Authentication,
    string? UserAgent)
{
    /// <summary>
    /// The signer's IP address, only when the program records it (off by default). Optional and added to the payload
    /// only when present, so every payload written before it existed canonicalizes, hashes and reads back unchanged.
    /// </summary>
    public string? IpAddress { get; init; }

    /// <summary>The payload format; a later format gets a new name, old entries keep theirs.</summary>
    public const string Schema = "peerethics.commitment/1";

    public static string NewId() => Guid.NewGuid().ToString("D");

    /// <summary>Whether <paramref name="id"/> has the form of a commitment id (a GUID, lower case, with dashes).</summary>
    public static bool IsId(string? id) => id is { Length: 36 } && Guid.TryParseExact(id, "D", out var guid) && guid.ToString("D") == id;

    /// <summary>The problems with this record, by field; empty when it can be appended.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (!IsId(CommitmentId))
        {
            problems[nameof(CommitmentId)] = "must be a GUID in lower case with dashes (CommitmentRecord.NewId()).";
        }

        Require(nameof(Person), Person, 200);
        Require(nameof(Program), Program, 64);
        if (CredentialOrCohort is not null)
        {
            Require(nameof(CredentialOrCohort), CredentialOrCohort, 200);
        }

        Require(nameof(Code), Code, 64);
        if (CodeVersion < 1)
        {
            problems[nameof(CodeVersion)] = "must be a version number, 1 or more.";
        }

        if (!LedgerChain.IsHash(CodeHash))
        {
            problems[nameof(CodeHash)] = "must be the version's SHA-256 content hash: 64 lower-case hex digits.";
        }

        Require(nameof(PledgeText), PledgeText, 10_000);
        Require(nameof(TypedName), TypedName, 300);
        if (SignedAt.Offset != TimeSpan.Zero)
        {
            problems[nameof(SignedAt)] = "must be in UTC (the server's clock, not the browser's).";
        }

        Require(nameof(Authentication), Authentication, 50);
        if (UserAgent is { Length: > 1000 })
        {
            problems[nameof(UserAgent)] = "must be at most 1000 characters.";
        }

        if (IpAddress is not null && (IpAddress.Length is 0 or > 45 || !System.Net.IPAddress.TryParse(IpAddress, out _)))
        {
            problems[nameof(IpAddress)] = "must be an IPv4 or IPv6 address, or null when the program does not record it.";
        }

        return problems;

        void Require(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems[field] = "is required.";
            }
            else if (value.Length > max)
            {
                problems[field] = $"must be at most {max} characters.";
            }
        }
    }

    /// <summary>The canonical JSON payload of the ledger entry.</summary>
    public string ToPayload()
    {
        var payload = new JsonObject
        {
            ["schema"] = Schema,
            ["commitmentId"] = CommitmentId,
            ["person"] = Person,
            ["program"] = Program,
            ["credentialOrCohort"] = CredentialOrCohort,
            ["code"] = Code,
            ["codeVersion"] = CodeVersion,
            ["codeHash"] = CodeHash,
            ["pledge"] = PledgeText,
            ["typedName"] = TypedName,
            ["signedAt"] = CanonicalJson.Time(SignedAt),
            ["authentication"] = Authentication,
            ["userAgent"] = UserAgent,
        };
        if (IpAddress is not null)
        {
            payload["ipAddress"] = IpAddress;
        }

        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToElement(payload));
    }

    /// <summary>Reads a payload back; null when it is not a commitment payload of this schema.</summary>
    public static CommitmentRecord? FromPayload(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var p = document.RootElement;
            if (p.ValueKind != JsonValueKind.Object || Text(p, "schema") != Schema || !CanonicalJson.TryParseTime(Text(p, "signedAt"), out var signedAt))
            {
                return null;
            }

            return new CommitmentRecord(
                Text(p, "commitmentId") ?? "", Text(p, "person") ?? "", Text(p, "program") ?? "", Text(p, "credentialOrCohort"),
                Text(p, "code") ?? "", p.TryGetProperty("codeVersion", out var v) && v.TryGetInt32(out var number) ? number : 0,
                Text(p, "codeHash") ?? "", Text(p, "pledge") ?? "", Text(p, "typedName") ?? "", signedAt,
                Text(p, "authentication") ?? "", Text(p, "userAgent"))
            {
                IpAddress = Text(p, "ipAddress"),
            };
        }
        catch (JsonException)
        {
            return null;
        }

        static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
