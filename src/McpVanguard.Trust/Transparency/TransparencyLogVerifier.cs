using McpVanguard.Trust.Bundles;
using McpVanguard.Trust.Roots;

namespace McpVanguard.Trust.Transparency;

/// <summary>
/// Verifies one Rekor entry offline: a log we trust, a body that describes this bundle, the signed entry timestamp
/// (v0.1 bundles) and the inclusion proof up to a checkpoint the log signed (v0.2 and later; always for Rekor v2).
/// </summary>
internal static class TransparencyLogVerifier
{
    /// <summary>Returns the integrated time the log vouches for (via its SET), or null when the entry carries none (Rekor v2).</summary>
    /// <param name="timestamped">The verified RFC 3161 times: a Rekor v2 entry has no integrated time, so the log key must be valid at one of these.</param>
    public static DateTimeOffset? Verify(LogEntry entry, BundleVersion version, LoggedContent expected, TrustedRoot root, IReadOnlyList<DateTimeOffset> timestamped, DateTimeOffset now)
    {
        var log = root.TransparencyLog(entry.LogId)
            ?? throw new SigstoreRejection($"the log entry comes from a log the trusted root does not know (log id {Convert.ToBase64String(entry.LogId)})");

        RekorEntryBody.Check(entry, expected);

        var isRekorV2 = entry.KindVersion == "0.0.2" && entry.Kind is "hashedrekord" or "dsse";
        DateTimeOffset? integrated = null;
        if (entry.SignedEntryTimestamp is not null && !isRekorV2)
        {
            if (!SignedEntryTimestamp.Verify(entry, log))
            {
                throw new SigstoreRejection("the signed entry timestamp (SET) does not verify with the log's key");
            }

            integrated = DateTimeOffset.FromUnixTimeSeconds(entry.IntegratedTime!.Value);
            if (integrated > now)
            {
                throw new SigstoreRejection($"the log's integrated time {integrated:u} is in the future");
            }

            if (!log.Valid.Contains(integrated.Value))
            {
                throw new SigstoreRejection($"the integrated time {integrated:u} is outside the log key's validity in the trusted root");
            }
        }
        else if (version == BundleVersion.V01)
        {
            throw new SigstoreRejection("a v0.1 bundle's log entry must carry a signed entry timestamp (inclusion promise)");
        }

        if (integrated is null && timestamped.Count > 0 && !timestamped.Any(log.Valid.Contains))
        {
            throw new SigstoreRejection("no verified timestamp lies within the log key's validity in the trusted root");
        }

        if (entry.Proof is { } proof)
        {
            CheckInclusion(entry, proof, log);
        }
        else if (version != BundleVersion.V01 || isRekorV2)
        {
            throw new SigstoreRejection("the log entry has no inclusion proof (required from bundle v0.2 and for Rekor v2)");
        }

        return integrated;
    }

    private static void CheckInclusion(LogEntry entry, InclusionProof proof, LogAuthority log)
    {
        var leaf = MerkleInclusionProof.LeafHash(entry.CanonicalizedBody);
        if (!MerkleInclusionProof.Verify(proof.LogIndex, proof.TreeSize, leaf, proof.Hashes, proof.RootHash))
        {
            throw new SigstoreRejection("the inclusion proof does not lead from the entry to the root hash");
        }

        var checkpoint = SignedCheckpoint.Parse(proof.Checkpoint ?? throw new SigstoreRejection("the inclusion proof has no checkpoint"));
        if (checkpoint.Size != proof.TreeSize || !checkpoint.RootHash.AsSpan().SequenceEqual(proof.RootHash))
        {
            throw new SigstoreRejection("the checkpoint is for a different tree (size or root hash) than the inclusion proof");
        }

        if (!checkpoint.IsSignedBy(log))
        {
            throw new SigstoreRejection($"the checkpoint carries no valid signature from the log {log.CheckpointName}");
        }
    }
}
