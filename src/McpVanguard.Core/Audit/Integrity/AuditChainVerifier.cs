using System.Security.Cryptography;
using System.Text.Json;

namespace McpVanguard.Audit.Integrity;

/// <summary>
/// Checks the audit log's hash chains (the main log and the decisions log, rotated files included) and their signed
/// checkpoints: an edited record breaks the link of the next one, a removed or reordered one breaks the sequence, and a
/// truncated log ends before a checkpoint. Reads files only; never changes them.
/// </summary>
public static class AuditChainVerifier
{
    /// <param name="logPath">The main audit log (<c>audit.log</c>).</param>
    /// <param name="publicKey">The checkpoint key's public half; null reports every checkpoint as unverifiable (a problem).</param>
    public static AuditVerification Verify(string logPath, ECDsa? publicKey)
    {
        var problems = new List<AuditProblem>();
        var checkpoints = ReadCheckpoints(logPath, publicKey, problems);
        var chains = new List<AuditChainReport>();
        foreach (var chain in new[] { logPath, AuditSink.DecisionsPath(logPath) })
        {
            var name = Path.GetFileName(chain);
            var files = AuditLogFiles.OldestFirst(chain);
            if (files.Count == 0 && !checkpoints.Any(c => c.Checkpoint.Log == name))
            {
                continue;
            }

            chains.Add(VerifyChain(chain, files, [.. checkpoints.Where(c => c.Checkpoint.Log == name)], problems));
        }

        return new AuditVerification(chains, problems);
    }

    private sealed record SignedCheckpoint(AuditCheckpoint Checkpoint, string File, long Line);

    private static List<SignedCheckpoint> ReadCheckpoints(string logPath, ECDsa? publicKey, List<AuditProblem> problems)
    {
        var keyId = publicKey is null ? null : AuditSigningKey.KeyIdOf(publicKey);
        var result = new List<SignedCheckpoint>();
        foreach (var file in AuditLogFiles.OldestFirst(AuditCheckpointWriter.CheckpointsPath(logPath)))
        {
            var name = Path.GetFileName(file);
            foreach (var (number, line) in AuditLineReader.Read(file))
            {
                AuditCheckpoint? checkpoint = null;
                try
                {
                    checkpoint = JsonSerializer.Deserialize(line, AuditIntegrityJson.Default.AuditCheckpoint);
                }
                catch (JsonException)
                {
                }

                if (checkpoint is null)
                {
                    problems.Add(new AuditProblem(name, number, null, "not a checkpoint (edited or torn)."));
                }
                else if (publicKey is null)
                {
                    problems.Add(new AuditProblem(name, number, checkpoint.Seq, $"checkpoint of {checkpoint.Log} cannot be verified: no public key (give --key)."));
                }
                else if (checkpoint.KeyId != keyId)
                {
                    problems.Add(new AuditProblem(name, number, checkpoint.Seq, $"checkpoint of {checkpoint.Log} is signed by another key ({Short(checkpoint.KeyId)}, expected {Short(keyId!)})."));
                }
                else if (!checkpoint.VerifiesWith(publicKey, keyId!))
                {
                    problems.Add(new AuditProblem(name, number, checkpoint.Seq, $"checkpoint of {checkpoint.Log} has an invalid signature (forged or edited)."));
                }
                else
                {
                    result.Add(new SignedCheckpoint(checkpoint, name, number));
                }
            }
        }

        return result;
    }

    private static AuditChainReport VerifyChain(string chain, IReadOnlyList<string> files, List<SignedCheckpoint> checkpoints, List<AuditProblem> problems)
    {
        var wanted = checkpoints.GroupBy(c => c.Checkpoint.Seq).ToDictionary(g => g.Key, g => g.ToList());
        var matched = new HashSet<SignedCheckpoint>();
        var verified = 0;
        long covered = 0;
        long records = 0, unchained = 0, firstSeq = 0, lastSeq = 0;
        byte[]? previousHash = null;
        long? previousSeq = null;
        (string File, long Line)? previousAt = null;
        var started = false;
        for (var f = 0; f < files.Count; f++)
        {
            var name = Path.GetFileName(files[f]);
            foreach (var (number, line) in AuditLineReader.Read(files[f]))
            {
                if (line.Length == 0)
                {
                    problems.Add(new AuditProblem(name, number, null, "empty line (a record was blanked out)."));
                    continue;
                }

                var hash = AuditChainLine.Hash(line);
                if (!AuditChainLine.TryReadLink(line, out var seq, out var prev))
                {
                    if (!AuditChainLine.IsJsonObject(line))
                    {
                        problems.Add(new AuditProblem(name, number, null, "not a JSON record (a torn write or an edit)."));
                    }
                    else if (started)
                    {
                        problems.Add(new AuditProblem(name, number, null, "a record without a chain link among chained records (inserted)."));
                    }
                    else
                    {
                        unchained++;
                    }

                    (previousHash, previousSeq, previousAt) = (hash, null, (name, number));
                    continue;
                }

                records++;
                var linked = previousHash is not null && Convert.ToHexStringLower(previousHash) == prev;
                if (!started)
                {
                    started = true;
                    firstSeq = seq;
                    var oldestFirstLine = f == 0 && previousHash is null;
                    if (!linked && !(prev == AuditChainLine.Genesis && seq == 1) && !oldestFirstLine)
                    {
                        problems.Add(new AuditProblem(name, number, seq, "the first chained record does not link to the line before it."));
                    }
                }
                else if (previousSeq is { } before)
                {
                    if (seq > before + 1)
                    {
                        problems.Add(new AuditProblem(name, number, seq, $"records {before + 1}–{seq - 1} are missing before this one (removed)."));
                    }
                    else if (seq <= before)
                    {
                        problems.Add(new AuditProblem(name, number, seq, $"out of order: record {seq} comes after record {before} (reordered or duplicated)."));
                    }
                    else if (!linked)
                    {
                        var (file, at) = previousAt!.Value;
                        problems.Add(new AuditProblem(file, at, before, $"edited: its hash no longer matches the link in the next record ({name}:{number})."));
                    }
                }

                if (wanted.TryGetValue(seq, out var claims))
                {
                    foreach (var claim in claims)
                    {
                        if (Convert.ToHexStringLower(hash) == claim.Checkpoint.Head)
                        {
                            verified++;
                            covered = Math.Max(covered, seq);
                            matched.Add(claim);
                        }
                        else
                        {
                            problems.Add(new AuditProblem(name, number, seq, $"differs from the checkpoint signed at {claim.Checkpoint.Time} ({claim.File}:{claim.Line}): edited."));
                            matched.Add(claim);
                        }
                    }
                }

                lastSeq = seq;
                (previousHash, previousSeq, previousAt) = (hash, seq, (name, number));
            }
        }

        var rotatedAway = 0;
        var lastFile = files.Count > 0 ? Path.GetFileName(files[^1]) : Path.GetFileName(chain);
        var lastLine = previousAt?.Line ?? 0;
        foreach (var claim in checkpoints.Where(c => !matched.Contains(c)))
        {
            var seq = claim.Checkpoint.Seq;
            if (seq < firstSeq)
            {
                rotatedAway++;
            }
            else if (seq > lastSeq)
            {
                problems.Add(new AuditProblem(lastFile, lastLine, lastSeq, $"truncated: the checkpoint signed at {claim.Checkpoint.Time} ({claim.File}:{claim.Line}) covers {seq} records, the log ends at record {lastSeq}."));
            }
            else
            {
                problems.Add(new AuditProblem(claim.File, claim.Line, seq, $"record {seq} of {claim.Checkpoint.Log}, signed in this checkpoint, is not in the log (removed)."));
            }
        }

        return new AuditChainReport(Path.GetFileName(chain), records, firstSeq, lastSeq, unchained, verified, rotatedAway, covered);
    }

    private static string Short(string keyId) => keyId.Length > 16 ? keyId[..16] : keyId;
}
