using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;
using PeerEthics.Ledger.Certificates;

namespace PeerEthics.Ledger;

/// <summary>A consistency proof between two checkpoints: the smaller ledger is a prefix of the larger.</summary>
public sealed record ConsistencyResponse(long From, long To, string FromRoot, string ToRoot, IReadOnlyList<string> Proof);

/// <summary>
/// The public face of the ledger: its key, its latest checkpoint, consistency proofs, and the verification,
/// proof and certificate of one commitment. All public (a commitment id is unguessable and is what its signer
/// shares).
/// </summary>
public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapGroup("/api/ledger").WithTags("Ledger");
        ledger.MapGet("/public-key", (LedgerSigningKey key) => TypedResults.Ok(PublishedKey.From(key.Public)))
            .WithSummary("The Ed25519 public key that signs the ledger's checkpoints, with its key id.");
        ledger.MapGet("/checkpoints/latest", LatestCheckpoint).WithSummary("The latest signed checkpoint: ledger size, head hash, Merkle root, time.");
        ledger.MapGet("/consistency", Consistency).WithSummary("RFC 6962 consistency proof between the ledger at two sizes.");

        var commitments = app.MapGroup("/api/commitments").WithTags("Commitments");
        commitments.MapGet("/{id}/verification", Verification).WithSummary("What was signed, and whether the entry, the chain and the checkpoint signature are intact, with the inclusion proof.");
        commitments.MapGet("/{id}/proof", Proof).WithSummary("The inclusion proof to keep, as a file: check it offline with `peerethics commitments verify-proof`.");

        app.MapGet("/commitments/{id}/certificate.pdf", Certificate).WithTags("Commitments")
            .WithSummary("The certificate of a commitment (PDF), with a QR code to its verification page.");
        return app;
    }

    private static async Task<Results<Ok<ProofCheckpoint>, ProblemHttpResult>> LatestCheckpoint(PeerEthicsDb db, CancellationToken cancellationToken) =>
        await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(cancellationToken) is { } latest
            ? TypedResults.Ok(ProofCheckpoint.From(latest))
            : TypedResults.Problem("The ledger is empty: no commitment has been recorded yet.", statusCode: StatusCodes.Status404NotFound, title: "No checkpoint yet");

    private static async Task<Results<Ok<ConsistencyResponse>, ValidationProblem>> Consistency(long? from, long? to, PeerEthicsDb db, CancellationToken cancellationToken)
    {
        var size = await db.LedgerEntries.CountAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (from is null || from < 1 || from > size)
        {
            errors["from"] = [$"Give the smaller ledger size, from 1 to {size}, e.g. from=1."];
        }

        if (to is null || to < 1 || to > size || (from is not null && to < from))
        {
            errors["to"] = [$"Give the larger ledger size, at least 'from' and at most {size}, e.g. to={Math.Max(size, 1)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var leaves = (await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence <= to).OrderBy(e => e.Sequence).Select(e => e.Hash).ToListAsync(cancellationToken))
            .Select(MerkleTree.LeafHash).ToList();
        var proof = MerkleTree.ConsistencyProof(leaves, (int)from!.Value, (int)to!.Value);
        return TypedResults.Ok(new ConsistencyResponse(
            from.Value, to.Value,
            Convert.ToHexStringLower(MerkleTree.Root(leaves, 0, (int)from.Value)),
            Convert.ToHexStringLower(MerkleTree.Root(leaves, 0, (int)to.Value)),
            [.. proof.Select(Convert.ToHexStringLower)]));
    }

    private static async Task<Results<Ok<CommitmentVerification>, ProblemHttpResult>> Verification(string id, CommitmentVerifier verifier, CancellationToken cancellationToken) =>
        await verifier.VerifyAsync(id, cancellationToken) is { } verification ? TypedResults.Ok(verification) : UnknownCommitment(id);

    private static async Task<Results<JsonHttpResult<CommitmentProof>, ProblemHttpResult>> Proof(string id, HttpContext context, CommitmentVerifier verifier, CancellationToken cancellationToken)
    {
        if (await verifier.VerifyAsync(id, cancellationToken) is not { Proof: { } proof })
        {
            return UnknownCommitment(id);
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"commitment-{id}-proof.json\"";
        return TypedResults.Json(proof);
    }

    /// <summary>
    /// The certificate shows what was signed; it does not verify the ledger (its QR code leads to the verification
    /// page, which does). So it reads the commitment's entry, the program's name, and the code version's title and
    /// text, and nothing else.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Certificate(string id, PeerEthicsDb db, LedgerSettings settings, CancellationToken cancellationToken)
    {
        var entry = !CommitmentRecord.IsId(id) ? null
            : await db.LedgerEntries.AsNoTracking().Where(e => e.CommitmentId == id).Select(e => new { e.Payload, e.At }).FirstOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return UnknownCommitment(id);
        }

        var record = CommitmentRecord.FromPayload(entry.Payload);
        var program = record is null ? null
            : await db.Programs.AsNoTracking().Where(p => p.Slug == record.Program).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        var code = record is null ? null
            : await db.CodeVersions.AsNoTracking()
                .Where(v => v.Code.Slug == record.Code && v.Number == record.CodeVersion)
                .Select(v => new { v.Title, v.CanonicalText })
                .FirstOrDefaultAsync(cancellationToken);
        var pdf = CommitmentCertificate.Create(new CertificateContent(
            record?.TypedName ?? "", program ?? record?.Program ?? "", code?.Title ?? record?.Code ?? "", record?.CodeVersion ?? 0, record?.CodeHash ?? "",
            record?.SignedAt ?? entry.At, id, record?.PledgeText ?? "", settings.VerifyUrl(id), code?.CanonicalText ?? ""));
        return TypedResults.File(pdf, "application/pdf", $"commitment-{id}.pdf");
    }

    private static ProblemHttpResult UnknownCommitment(string id) => TypedResults.Problem(
        $"No commitment has the id '{id}'. Check the id: it is the 36-character code printed on the certificate, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e.",
        statusCode: StatusCodes.Status404NotFound, title: "Unknown commitment");
}
