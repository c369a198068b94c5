using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Ledger;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Ledger;

/// <summary>The public verification of one commitment: the API, the proof a signer keeps, the page.</summary>
public sealed class CommitmentVerificationTests
{
    [Theory, AllDatabases]
    public async Task Anyone_can_verify_a_commitment_and_its_proof_checks_out_offline(DatabaseProvider provider)
    {
        var (app, appends) = await LedgerTestData.AppWithCommitmentsAsync(provider, 5);
        await using var _ = app;
        var anonymous = app.CreateClient();
        var id = appends[2].Entry.CommitmentId;

        var verification = await anonymous.GetFromJsonAsync<CommitmentVerification>($"/api/commitments/{id}/verification");
        var key = await anonymous.GetFromJsonAsync<PublishedKey>("/api/ledger/public-key");

        Assert.NotNull(verification);
        Assert.True(verification.Valid, string.Join(" ", verification.Checks.Where(c => !c.Passed).Select(c => c.Explanation)));
        Assert.Equal("Person 3", verification.Commitment.Name);
        Assert.Equal("Massachusetts Certified Peer Specialist (CPS)", verification.Commitment.ProgramName);
        Assert.Equal(1, verification.Commitment.CodeVersion);
        Assert.Equal(3, verification.Commitment.Sequence);
        Assert.Equal(["entry", "chain", "checkpoint", "inclusion", "code-version"], verification.Checks.Select(c => c.Check));
        Assert.NotNull(verification.Proof);
        Assert.Equal(5, verification.Proof.TreeSize);
        Assert.Equal(2, verification.Proof.LeafIndex);
        Assert.Equal(LedgerTestData.PublicKey(app).KeyId, key!.KeyId);

        // Offline: only the proof and the published key.
        var publicKey = LedgerPublicKey.Parse(key.PublicKey)!;
        var proofJson = await anonymous.GetStringAsync($"/api/commitments/{id}/proof");
        var proof = JsonSerializer.Deserialize<CommitmentProof>(proofJson, JsonSerializerOptions.Web)!;
        Assert.Empty(CommitmentProofVerifier.Problems(proof, publicKey));
        Assert.Equal(LedgerPublicKey.Parse(key.Pem)!.KeyId, publicKey.KeyId);
    }

    [Fact]
    public void A_tampered_proof_does_not_verify()
    {
        using var key = LedgerSigningKey.LoadOrCreate(Path.Combine(Path.GetTempPath(), $"peerethics-proof-{Guid.NewGuid():N}.pem"));
        try
        {
            var leaves = new List<LedgerEntry>();
            var frontier = new MerkleFrontier();
            var previous = StoredForm.ChainStart;
            for (var i = 1; i <= 6; i++)
            {
                var record = new CommitmentRecord(CommitmentRecord.NewId(), $"p{i}", "massachusetts-cps", null, "massachusetts-cps", 1, new string('a', 64), "I pledge.", $"Person {i}", PeerEthicsAppFactory.Now, "password", null);
                var entry = new LedgerEntry { Sequence = i, At = PeerEthicsAppFactory.Now, Kind = LedgerEntryKinds.Commitment, CommitmentId = record.CommitmentId, Payload = record.ToPayload(), PreviousHash = previous };
                entry.Hash = LedgerChain.ComputeHash(entry);
                previous = entry.Hash;
                frontier.Add(MerkleTree.LeafHash(entry.Hash));
                leaves.Add(entry);
            }

            var checkpoint = new LedgerCheckpoint { Size = 6, HeadHash = previous, MerkleRoot = Convert.ToHexStringLower(frontier.Root()), At = PeerEthicsAppFactory.Now, KeyId = key.KeyId, Signature = "" };
            checkpoint.Signature = key.Sign(LedgerChain.Statement(checkpoint));
            var path = MerkleTree.AuditPath([.. leaves.Select(e => MerkleTree.LeafHash(e.Hash))], 3, 6).Select(Convert.ToHexStringLower).ToList();
            var proof = new CommitmentProof(CommitmentProof.FormatName, ProofEntry.From(leaves[3]), 3, 6, path, ProofCheckpoint.From(checkpoint), key.KeyId);

            var renamed = proof with { Entry = proof.Entry with { Payload = JsonDocument.Parse(proof.Entry.Payload.GetRawText().Replace("Person 4", "Person 5", StringComparison.Ordinal)).RootElement } };
            var otherPath = proof with { AuditPath = [.. path.Select((p, i) => i == 1 ? new string('0', 64) : p)] };
            var otherPosition = proof with { Entry = ProofEntry.From(leaves[2]), LeafIndex = 2 };
            var resigned = proof with { Checkpoint = proof.Checkpoint with { Size = 7 }, TreeSize = 7 };

            Assert.Empty(CommitmentProofVerifier.Problems(proof, key.Public));
            Assert.Contains(CommitmentProofVerifier.Problems(renamed, key.Public), p => p.Contains("altered", StringComparison.Ordinal));
            Assert.Contains(CommitmentProofVerifier.Problems(otherPath, key.Public), p => p.Contains("audit path", StringComparison.Ordinal));
            Assert.Contains(CommitmentProofVerifier.Problems(otherPosition, key.Public), p => p.Contains("audit path", StringComparison.Ordinal));
            Assert.Contains(CommitmentProofVerifier.Problems(resigned, key.Public), p => p.Contains("signature is not valid", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(key.Path);
        }
    }

    [Theory, AllDatabases]
    public async Task A_tampered_commitment_is_reported_not_valid_with_the_reasons(DatabaseProvider provider)
    {
        var (app, appends) = await LedgerTestData.AppWithCommitmentsAsync(provider, 3);
        await using var _ = app;
        var id = appends[1].Entry.CommitmentId;
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Database.ExecuteSqlRawAsync(
                """UPDATE "LedgerEntries" SET "Payload" = REPLACE("Payload", 'Person 2', 'Person Z') WHERE "Sequence" = 2""");
        }

        var client = app.CreateClient();
        var verification = await client.GetFromJsonAsync<CommitmentVerification>($"/api/commitments/{id}/verification");
        var page = await Html.GetAsync(client, $"/verify/{id}");

        Assert.False(verification!.Valid);
        Assert.Equal("Person Z", verification.Commitment.Name);
        Assert.False(verification.Checks.Single(c => c.Check == "entry").Passed);
        Assert.Contains("broken: entry 2 was altered", verification.Checks.Single(c => c.Check == "chain").Explanation, StringComparison.Ordinal);
        Assert.True(verification.Checks.Single(c => c.Check == "checkpoint").Passed);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Not valid", page.TextOf("result"), StringComparison.Ordinal);
        Assert.Contains("changed after it was signed", page.TextOf("reasons"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verification_page_says_valid_in_plain_words_and_shows_what_was_signed_and_the_key()
    {
        var (app, appends) = await LedgerTestData.AppWithCommitmentsAsync(DatabaseProvider.Sqlite, 2);
        await using var _ = app;
        var id = appends[0].Entry.CommitmentId;

        var page = await Html.GetAsync(app.CreateClient(), $"/verify/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Valid This commitment is genuine", page.TextOf("result"), StringComparison.Ordinal);
        Assert.Contains("Person 1", page.TextOf("signed"), StringComparison.Ordinal);
        Assert.Contains(appends[0].Entry.Payload.Split("\"codeHash\":\"")[1][..64], page.TextOf("signed"), StringComparison.Ordinal);
        Assert.Contains("23 November 2026", page.TextOf("signed"), StringComparison.Ordinal);
        Assert.Equal(LedgerTestData.PublicKey(app).KeyId, page.TextOf("key-id"));
        Assert.Equal(LedgerTestData.PublicKey(app).Base64, page.TextOf("public-key"));
        Assert.Contains($"/api/commitments/{id}/proof", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_is_not_found_and_the_form_explains_the_id()
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var api = await client.GetAsync($"/api/commitments/{Guid.NewGuid()}/verification");
        var malformed = await client.GetAsync("/api/commitments/not-an-id/verification");
        var page = await Html.GetAsync(client, $"/verify/{Guid.NewGuid()}");
        var form = await Html.GetAsync(client, "/verify?id=12345");
        var redirect = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync("/verify?id=%200F8FAD5B-D9CB-469F-A165-70867728950E%20");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Contains("No commitment has the id", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We could not find this commitment", page.Text, StringComparison.Ordinal);
        Assert.Contains("36 letters, digits and dashes", form.TextOf("id-error"), StringComparison.Ordinal);
        Assert.Contains("value=\"12345\"", form.Markup, StringComparison.Ordinal);
        Assert.Equal("/verify/0f8fad5b-d9cb-469f-a165-70867728950e", redirect.Headers.Location?.OriginalString);
    }

    [Theory, AllDatabases]
    public async Task The_latest_checkpoint_and_consistency_proofs_are_published(DatabaseProvider provider)
    {
        var (app, appends) = await LedgerTestData.AppWithCommitmentsAsync(provider, 7);
        await using var _ = app;
        var client = app.CreateClient();

        var latest = await client.GetFromJsonAsync<ProofCheckpoint>("/api/ledger/checkpoints/latest");
        var consistency = await client.GetFromJsonAsync<ConsistencyResponse>("/api/ledger/consistency?from=3&to=7");
        var invalid = await client.GetAsync("/api/ledger/consistency?from=8&to=2");

        Assert.Equal(7, latest!.Size);
        Assert.Equal(appends[6].Checkpoint.MerkleRoot, latest.MerkleRoot);
        Assert.Equal(appends[2].Checkpoint.MerkleRoot, consistency!.FromRoot);
        Assert.Equal(appends[6].Checkpoint.MerkleRoot, consistency.ToRoot);
        Assert.True(MerkleTree.VerifyConsistency(3, 7, [.. consistency.Proof.Select(Convert.FromHexString)],
            Convert.FromHexString(appends[2].Checkpoint.MerkleRoot), Convert.FromHexString(appends[6].Checkpoint.MerkleRoot)));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("\"from\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"to\"", problem, StringComparison.Ordinal);
    }
}
