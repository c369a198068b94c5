using System.Security.Cryptography;

namespace PeerEthics.Ledger;

/// <summary>
/// The Merkle tree of RFC 6962 (Certificate Transparency, section 2.1) over the ledger's entries: a leaf is
/// <c>SHA-256(0x00 || entry hash)</c> (the entry hash as its 32 raw bytes), an inner node
/// <c>SHA-256(0x01 || left || right)</c>, and a tree of n leaves splits at the largest power of two below n.
/// Audit paths prove an entry is in a tree of a given size; consistency proofs prove a smaller tree is a
/// prefix of a larger one. Verification follows RFC 9162, section 2.1.3.2 and 2.1.4.2.
/// </summary>
public static class MerkleTree
{
    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot => SHA256.HashData([]);

    public static byte[] LeafHash(string entryHash)
    {
        var data = new byte[33];
        Convert.FromHexString(entryHash).CopyTo(data, 1);
        return SHA256.HashData(data);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> data = stackalloc byte[65];
        data[0] = 1;
        left.CopyTo(data[1..]);
        right.CopyTo(data[33..]);
        return SHA256.HashData(data);
    }

    /// <summary>MTH(D[start:end]) of RFC 6962.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves, int start, int end)
    {
        var n = end - start;
        if (n == 0)
        {
            return EmptyRoot;
        }

        if (n == 1)
        {
            return leaves[start];
        }

        var k = LargestPowerOfTwoBelow(n);
        return NodeHash(Root(leaves, start, start + k), Root(leaves, start + k, end));
    }

    public static byte[] Root(IReadOnlyList<byte[]> leaves) => Root(leaves, 0, leaves.Count);

    /// <summary>PATH(m, D[n]): the audit path of leaf <paramref name="index"/> in the tree of the first <paramref name="size"/> leaves.</summary>
    public static IReadOnlyList<byte[]> AuditPath(IReadOnlyList<byte[]> leaves, int index, int size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, leaves.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var path = new List<byte[]>();
        Path(leaves, index, 0, size, path);
        return path;
    }

    private static void Path(IReadOnlyList<byte[]> leaves, int index, int start, int end, List<byte[]> path)
    {
        var n = end - start;
        if (n == 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (index < k)
        {
            Path(leaves, index, start, start + k, path);
            path.Add(Root(leaves, start + k, end));
        }
        else
        {
            Path(leaves, index - k, start + k, end, path);
            path.Add(Root(leaves, start, start + k));
        }
    }

    /// <summary>Whether <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree of <paramref name="size"/> leaves with root <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size)
        {
            return false;
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (p.Length != 32 || sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>PROOF(m, D[n]): that the tree of the first <paramref name="first"/> leaves is a prefix of the tree of <paramref name="second"/>.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leaves, int first, int second)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(second, leaves.Count);
        var proof = new List<byte[]>();
        SubProof(leaves, first, 0, second, true, proof);
        return proof;
    }

    private static void SubProof(IReadOnlyList<byte[]> leaves, int m, int start, int end, bool whole, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!whole)
            {
                proof.Add(Root(leaves, start, end));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(leaves, m, start, start + k, whole, proof);
            proof.Add(Root(leaves, start + k, end));
        }
        else
        {
            SubProof(leaves, m - k, start + k, end, false, proof);
            proof.Add(Root(leaves, start, start + k));
        }
    }

    public static bool VerifyConsistency(long first, long second, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot)
    {
        if (first < 1 || first > second)
        {
            return false;
        }

        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }

        var path = new List<byte[]>(proof);
        if ((first & (first - 1)) == 0)
        {
            path.Insert(0, firstRoot.ToArray());
        }

        if (path.Count == 0 || path.Any(p => p.Length != 32))
        {
            return false;
        }

        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }
}

/// <summary>
/// The right edge of a growing tree: the roots of the perfect subtrees its leaves split into, largest first.
/// Appending a leaf and reading the root cost O(log n), so an append need not read the whole ledger.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<(byte[] Hash, long Size)> _subtrees = [];

    public long Size { get; private set; }

    public void Add(byte[] leafHash)
    {
        _subtrees.Add((leafHash, 1));
        while (_subtrees.Count > 1 && _subtrees[^1].Size == _subtrees[^2].Size)
        {
            var right = _subtrees[^1];
            var left = _subtrees[^2];
            _subtrees.RemoveRange(_subtrees.Count - 2, 2);
            _subtrees.Add((MerkleTree.NodeHash(left.Hash, right.Hash), left.Size * 2));
        }

        Size++;
    }

    public byte[] Root()
    {
        if (_subtrees.Count == 0)
        {
            return MerkleTree.EmptyRoot;
        }

        var root = _subtrees[^1].Hash;
        for (var i = _subtrees.Count - 2; i >= 0; i--)
        {
            root = MerkleTree.NodeHash(_subtrees[i].Hash, root);
        }

        return root;
    }

    public override string ToString() => string.Join(' ', _subtrees.Select(s => Convert.ToHexStringLower(s.Hash)));

    /// <summary>The frontier of a tree of <paramref name="size"/> leaves from its <see cref="ToString"/> form; null when it does not fit the size.</summary>
    public static MerkleFrontier? Parse(string text, long size)
    {
        var hashes = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sizes = new List<long>();
        for (var bit = 62; bit >= 0; bit--)
        {
            if ((size & (1L << bit)) != 0)
            {
                sizes.Add(1L << bit);
            }
        }

        if (hashes.Length != sizes.Count || !hashes.All(LedgerChain.IsHash))
        {
            return null;
        }

        var frontier = new MerkleFrontier { Size = size };
        for (var i = 0; i < hashes.Length; i++)
        {
            frontier._subtrees.Add((Convert.FromHexString(hashes[i]), sizes[i]));
        }

        return frontier;
    }
}
