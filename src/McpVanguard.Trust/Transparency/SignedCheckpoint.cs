using System.Globalization;
using McpVanguard.Trust.Roots;

namespace McpVanguard.Trust.Transparency;

/// <summary>
/// A log checkpoint in the signed-note format (C2SP tlog-checkpoint / signed-note): origin, tree size, base64 root hash,
/// optional extension lines, a blank line, then signature lines "— name base64(keyhint[4] || signature)".
/// </summary>
internal sealed record SignedCheckpoint(string Origin, long Size, byte[] RootHash, string SignedText, IReadOnlyList<NoteSignature> Signatures)
{
    private const int MaxLength = 64 * 1024; // a checkpoint is a few hundred bytes; cosignatures add a line each

    public static SignedCheckpoint Parse(string envelope)
    {
        if (envelope.Length > MaxLength)
        {
            throw new SigstoreRejection("the checkpoint is longer than 64 KiB");
        }

        var split = envelope.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new SigstoreRejection("the checkpoint has no signature block");
        }

        var text = envelope[..(split + 1)];
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[0].Length == 0)
        {
            throw new SigstoreRejection("the checkpoint lacks its origin, size or root hash line");
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new SigstoreRejection($"the checkpoint's size line '{lines[1]}' is not a number");
        }

        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            throw new SigstoreRejection("the checkpoint's root hash line is not base64");
        }

        if (root.Length != 32)
        {
            throw new SigstoreRejection("the checkpoint's root hash is not a SHA-256 hash");
        }

        var signatures = new List<NoteSignature>();
        foreach (var line in envelope[(split + 2)..].Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            // "— " is U+2014 EM DASH then a space; the name has no spaces; the rest is base64.
            var parts = line.Split(' ');
            if (parts.Length != 3 || parts[0] != "\u2014")
            {
                throw new SigstoreRejection($"malformed checkpoint signature line '{line}'");
            }

            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(parts[2]);
            }
            catch (FormatException)
            {
                throw new SigstoreRejection("a checkpoint signature is not base64");
            }

            if (blob.Length > 4)
            {
                signatures.Add(new NoteSignature(parts[1], blob[..4], blob[4..]));
            }
        }

        if (signatures.Count == 0)
        {
            throw new SigstoreRejection("the checkpoint carries no signature");
        }

        return new SignedCheckpoint(lines[0], size, root, text, signatures);
    }

    /// <summary>
    /// True when a signature line names the log (its base URL's host), carries the log's key hint (the first four bytes
    /// of its log id) and verifies with its key. Lines from others (witness cosignatures, unknown keys) are ignored.
    /// </summary>
    public bool IsSignedBy(LogAuthority log)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(SignedText);
        foreach (var signature in Signatures)
        {
            if (signature.Name == log.CheckpointName
                && signature.KeyHint.AsSpan().SequenceEqual(log.KeyId.AsSpan(0, Math.Min(4, log.KeyId.Length)))
                && log.Key.Verify(body, signature.Signature))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One signature line of a signed note.</summary>
internal sealed record NoteSignature(string Name, byte[] KeyHint, byte[] Signature);
