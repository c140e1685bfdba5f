namespace McpVanguard.Inspection.Shell;

/// <summary>Checks on the raw text of a command that need no tokens.</summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>
    /// Checks on the whole text that do not need tokens: fork bombs and PowerShell cradles. What they find must survive masking the data
    /// positions (<c>echo 'IEX (iwr …) is flagged' &gt;&gt; CHANGES.md</c> quotes a cradle; it runs none), so the line is masked only when
    /// something matched.
    /// </summary>
    private void CheckText(string original)
    {
        var found = new List<Finding>();
        TextFindings(original.ToLowerInvariant(), found);
        if (found.Count == 0)
        {
            return;
        }

        var masked = ShellDataPositions.Mask(original);
        if (!ReferenceEquals(masked, original))
        {
            found.Clear();
            TextFindings(masked.ToLowerInvariant(), found);
        }

        foreach (var f in found)
        {
            Report(f);
        }
    }

    private static void TextFindings(string text, List<Finding> found)
    {
        // Destructive (resource exhaustion): ":(){ :|:& };:" and named variants.
        var brace = text.IndexOf("(){", StringComparison.Ordinal);
        if (brace < 0)
        {
            brace = text.IndexOf("() {", StringComparison.Ordinal);
        }

        if (brace > 0 && IsForkBomb(text, brace))
        {
            found.AddOnce(ShellFindings.Destructive);
        }

        // The batch-file fork bomb "%0|%0" and perl's "fork while fork".
        if (text.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("%0|%0", StringComparison.Ordinal) || text.Contains("fork while fork", StringComparison.Ordinal))
        {
            found.AddOnce(ShellFindings.Destructive);
        }

        // Download cradle: downloaded text turned into code and run. "IEX (New-Object Net.WebClient).DownloadString('http://…')",
        // "irm … | iex", and without IEX: "[scriptblock]::Create(<download>).Invoke()", "Invoke-Command -ScriptBlock", "& ( … )".
        if (RunsPowerShellText(text) && Downloads(text))
        {
            found.AddOnce(ShellFindings.PowerShellCradle);
        }

        // Reverse shell: PowerShell TCPClient wired to a stream.
        if (text.Contains("net.sockets.tcpclient", StringComparison.Ordinal) && text.Contains("getstream", StringComparison.Ordinal))
        {
            found.AddOnce(ShellFindings.ReverseShell);
        }
    }

    private static bool RunsPowerShellText(string text) =>
        HasToken(text, "iex") || text.Contains("invoke-expression", StringComparison.Ordinal) || text.Contains("[scriptblock]::create", StringComparison.Ordinal)
        || text.Contains("-scriptblock", StringComparison.Ordinal) && (HasToken(text, "invoke-command") || HasToken(text, "icm"))
        || text.Contains(".invoke()", StringComparison.Ordinal) || text.Contains("& (", StringComparison.Ordinal) || text.Contains("&(", StringComparison.Ordinal);

    private static bool Downloads(string text) =>
        text.Contains("downloadstring", StringComparison.Ordinal) || text.Contains("downloaddata", StringComparison.Ordinal)
        || text.Contains("downloadfile", StringComparison.Ordinal) || text.Contains("invoke-webrequest", StringComparison.Ordinal)
        || text.Contains("invoke-restmethod", StringComparison.Ordinal) || HasToken(text, "iwr") || HasToken(text, "irm")
        || text.Contains("net.webclient", StringComparison.Ordinal) || text.Contains("start-bitstransfer", StringComparison.Ordinal);

    private static bool IsForkBomb(string text, int brace)
    {
        var start = brace;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not (';' or '&' or '|'))
        {
            start--;
        }

        var fn = text[start..brace];
        if (fn.Length == 0)
        {
            return false;
        }

        var body = text[brace..].Replace(" ", string.Empty, StringComparison.Ordinal);
        return body.Contains(fn + "|" + fn + "&", StringComparison.Ordinal);
    }

    private static bool HasToken(string text, string token)
    {
        var i = text.IndexOf(token, StringComparison.Ordinal);
        while (i >= 0)
        {
            var before = i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]) && text[i - 1] != '-';
            var end = i + token.Length;
            var after = end == text.Length || !char.IsAsciiLetterOrDigit(text[end]) && text[end] != '-';
            if (before && after)
            {
                return true;
            }

            i = text.IndexOf(token, end, StringComparison.Ordinal);
        }

        return false;
    }
}
