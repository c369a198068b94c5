using System.Security.Cryptography;
using System.Text;
using PeerEthics.Ledger;

namespace PeerEthics.Tests.Ledger;

/// <summary>RFC 6962 Merkle trees: roots, audit paths and consistency proofs, against the definitions.</summary>
public sealed class MerkleTreeTests
{
    private static List<byte[]> Leaves(int n) =>
        [.. Enumerable.Range(0, n).Select(i => MerkleTree.LeafHash(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"entry {i}")))))];

    [Fact]
    public void The_empty_tree_and_leaf_hashes_follow_RFC_6962()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleTree.EmptyRoot));
        var entryHash = new string('a', 64);
        var expected = SHA256.HashData([0, .. Convert.FromHexString(entryHash)]);
        Assert.Equal(expected, MerkleTree.LeafHash(entryHash));
        var three = Leaves(3);
        Assert.Equal(MerkleTree.NodeHash(MerkleTree.NodeHash(three[0], three[1]), three[2]), MerkleTree.Root(three));
    }

    [Fact]
    public void The_frontier_gives_the_same_root_as_the_whole_tree_at_every_size_and_survives_a_round_trip()
    {
        var leaves = Leaves(70);
        var frontier = new MerkleFrontier();
        for (var n = 1; n <= leaves.Count; n++)
        {
            frontier.Add(leaves[n - 1]);
            Assert.Equal(MerkleTree.Root(leaves, 0, n), frontier.Root());
            var parsed = MerkleFrontier.Parse(frontier.ToString(), n);
            Assert.NotNull(parsed);
            Assert.Equal(frontier.Root(), parsed.Root());
        }

        Assert.Null(MerkleFrontier.Parse(frontier.ToString(), 71));
    }

    [Fact]
    public void Every_audit_path_verifies_and_a_tampered_one_does_not()
    {
        var leaves = Leaves(21);
        for (var size = 1; size <= leaves.Count; size++)
        {
            var root = MerkleTree.Root(leaves, 0, size);
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.AuditPath(leaves, index, size);
                Assert.True(MerkleTree.VerifyInclusion(index, size, leaves[index], path, root), $"leaf {index} of {size}");

                Assert.False(MerkleTree.VerifyInclusion(index, size, leaves[(index + 1) % leaves.Count], path, root));
                if (size > 1)
                {
                    Assert.False(MerkleTree.VerifyInclusion((index + 1) % size, size, leaves[index], path, root), $"wrong index for leaf {index} of {size}");
                    var tampered = path.Select(p => (byte[])p.Clone()).ToList();
                    tampered[0][5] ^= 1;
                    Assert.False(MerkleTree.VerifyInclusion(index, size, leaves[index], tampered, root));
                    Assert.False(MerkleTree.VerifyInclusion(index, size, leaves[index], path.Take(path.Count - 1).ToList(), root));
                }
            }
        }
    }

    [Fact]
    public void Every_consistency_proof_verifies_and_a_tampered_one_or_a_forked_tree_does_not()
    {
        var leaves = Leaves(18);
        var forked = Leaves(18);
        forked[2] = MerkleTree.LeafHash(new string('f', 64));
        for (var second = 1; second <= leaves.Count; second++)
        {
            for (var first = 1; first <= second; first++)
            {
                var proof = MerkleTree.ConsistencyProof(leaves, first, second);
                var firstRoot = MerkleTree.Root(leaves, 0, first);
                var secondRoot = MerkleTree.Root(leaves, 0, second);
                Assert.True(MerkleTree.VerifyConsistency(first, second, proof, firstRoot, secondRoot), $"{first} -> {second}");
                if (first < second)
                {
                    var tampered = proof.Select(p => (byte[])p.Clone()).ToList();
                    tampered[^1][0] ^= 0x80;
                    Assert.False(MerkleTree.VerifyConsistency(first, second, tampered, firstRoot, secondRoot), $"tampered {first} -> {second}");
                    if (first > 2)
                    {
                        // A ledger whose entry 3 was rewritten is not an extension of the one first checkpointed.
                        Assert.False(MerkleTree.VerifyConsistency(first, second, MerkleTree.ConsistencyProof(forked, first, second), firstRoot, MerkleTree.Root(forked, 0, second)));
                    }
                }
            }
        }
    }
}
