using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Encoded payloads (SHELL-003): decoders in a pipeline (<c>base64 -d</c>, <c>xxd -r</c>, <c>rev</c>…) whose literal input is decoded
/// and analysed as the command it hides.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    private static bool IsDecoder(List<string> words, int k, string name)
    {
        switch (name)
        {
            case "base64" or "basenc" or "base32":
                for (var i = k + 1; i < words.Count; i++)
                {
                    if (words[i] is "-d" or "--decode" or "-D" or "-di" or "-id")
                    {
                        return true;
                    }
                }

                return false;
            case "xxd":
                return words.Contains("-r") || words.Contains("-rp") || words.Contains("-r -p");
            case "openssl":
                return words.Contains("-d") && (words.Contains("base64") || words.Contains("-a") || words.Contains("-base64"));
            case "uudecode" or "rev" or "zcat" or "gunzip" or "bzcat" or "xzcat" or "unxz" or "unzstd":
                // String reversal and decompression hide a payload as well as base64 does.
                return true;
            case "gzip" or "bzip2" or "xz" or "zstd":
                return words.Contains("-d") || words.Contains("--decompress") || words.Contains("-dc") || words.Contains("-cd");
            case "tr":
                // ROT13 and other letter rotations: tr 'A-Za-z' 'N-ZA-Mn-za-m'.
                return k + 2 < words.Count && words[k + 2].Contains("n-z", StringComparison.OrdinalIgnoreCase) && words[k + 1].Contains("a-z", StringComparison.OrdinalIgnoreCase);
            case "printf":
                return k + 1 < words.Count && words[k + 1].Contains("\\x", StringComparison.Ordinal);
            case "echo":
                return words.Contains("-e") && words.Exists(static w => w.Contains("\\x", StringComparison.Ordinal));
            default:
                return false;
        }
    }

    /// <summary>Decodes the literal fed to a decoder (by <c>echo</c> before it or a here-string) and analyses what it hides.</summary>
    private void DecodeLiteral(ShellPipeline pipeline, int index, int k, string name, int nesting)
    {
        if (nesting >= MaxNesting)
        {
            return;
        }

        var command = pipeline.Commands[index];
        if (name is "printf" or "echo")
        {
            foreach (var w in command.Words)
            {
                if (ShellPayloadDecoder.TryUnescape(w, out var unescaped))
                {
                    AnalyzeHidden(unescaped, nesting);
                }
            }

            return;
        }

        foreach (var r in command.Redirects)
        {
            if (r.Operator == "<<<")
            {
                Decode(r.Target, name, nesting);
            }
        }

        if (index > 0)
        {
            var feeder = pipeline.Commands[index - 1].Words;
            var f = FindCommand(feeder, out _);
            if (f < feeder.Count && NameOf(feeder[f]) is "echo" or "printf")
            {
                for (var i = f + 1; i < feeder.Count; i++)
                {
                    if (!feeder[i].StartsWith('-'))
                    {
                        Decode(feeder[i], name, nesting);
                    }
                }
            }
        }
    }

    private void Decode(string literal, string decoder, int nesting)
    {
        if (decoder == "rev")
        {
            var reversed = literal.ToCharArray();
            Array.Reverse(reversed);
            AnalyzeHidden(new string(reversed), nesting);
            return;
        }

        var ok = decoder == "xxd" ? ShellPayloadDecoder.TryHex(literal, out var text) : ShellPayloadDecoder.TryBase64(literal, utf16: false, out text);
        if (ok)
        {
            AnalyzeHidden(text, nesting);
        }
    }

    /// <summary>Analyses a decoded payload; anything dangerous inside also counts as hiding a payload.</summary>
    private void AnalyzeHidden(string text, int nesting)
    {
        var before = findings.Count;
        AnalyzeText(text, nesting + 1);
        if (findings.Count > before)
        {
            Report(ShellFindings.DecodedPayload);
        }
    }
}
