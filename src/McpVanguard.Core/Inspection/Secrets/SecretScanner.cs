using System.Buffers;
using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Secrets;

/// <summary>
/// Finds credentials in text: provider tokens by their documented shapes, private keys, connection-string passwords and
/// generic <c>key = value</c> pairs whose value is long and random enough to be a real secret. Documented example keys and
/// placeholders are not secrets (AWS's <c>AKIAIOSFODNN7EXAMPLE</c> passes: it is published in AWS's own docs).
/// </summary>
public static class SecretScanner
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>Below this many bits per character a generic token value looks like a word, not a key.</summary>
    public const double MinimumEntropy = 3.3;

    /// <summary>Shortest generic token value considered a secret (passwords: 8).</summary>
    public const int MinimumGenericLength = 16;

    private sealed record Detector(string Kind, Regex Regex, SearchValues<string> Anchors, Func<string, string, bool>? Accept = null);

    private static SearchValues<string> Anchors(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);


    private static readonly string[] PlaceholderMarkers =
    [
        "example", "xxxx", "your", "changeme", "change_me", "placeholder", "redacted", "dummy", "sample", "****", "...", "${", "{{", "%(", "<",
        "process.env", "os.environ", "getenv", "env.", "secret_here", "here", "replace", "insert", "todo", "fake", "mock", "foobar", "abcdef", "123456",
    ];

    /// <summary>Values that are words people put in examples, not secrets (compared whole, ignoring case).</summary>
    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "user", "username", "admin", "root", "test", "guest", "changeit", "letmein", "qwerty", "token", "apikey", "api_key", "key", "none", "empty",
    };

    private static readonly SearchValues<string> ConnectionStringKeys = SearchValues.Create(
        ["server=", "data source=", "host=", "database=", "initial catalog=", "user id=", "uid=", "endpoint="], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PlaceholderValues = SearchValues.Create(PlaceholderMarkers, StringComparison.OrdinalIgnoreCase);

    /// <summary>Keys named like secrets that hold public values (paging cursors, token counts, token types).</summary>
    private static readonly SearchValues<string> PublicKeyMarkers = SearchValues.Create(
        ["page", "cursor", "next", "continuation", "count", "max_tokens", "maxtokens", "_tokens", "tokens_", "token_type", "tokentype", "tokenizer", "token_url", "tokenurl",
         "endpoint", "_uri", "_url", "file", "path", "length", "expires", "expiry", "_at", "_id", "keyid", "key_id", "name", "hint", "policy", "rotation", "min", "max", "format", "type", "header"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly Detector[] Detectors =
    [
        new("private-key", new Regex(@"-----BEGIN[A-Z ]{0,30}PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\s:,.\\]*(?:-[A-Za-z0-9+/=\s:,.\\]+)*(?:-----END[A-Z ]{0,30}PRIVATE KEY(?: BLOCK)?-----)?", Options),
            Anchors("PRIVATE KEY"), static (_, v) => Base64Body(v) >= 64),
        new("aws-access-key", new Regex(@"\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[0-9A-Z]{16}\b", Options),
            Anchors("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "APKA"), static (_, v) => !v.EndsWith("EXAMPLE", StringComparison.Ordinal)),
        new("aws-secret-key", new Regex(@"(?i:aws[\w.-]{0,24}(?:secret|sk)[\w.-]{0,24})[""']?\s*(?::|=|=>)\s*[""']?(?<v>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+]|$)", Options),
            Anchors("secret", "_sk"), static (_, v) => !v.Contains("EXAMPLE", StringComparison.Ordinal)),
        new("azure-storage-key", new Regex(@"(?:AccountKey|SharedAccessKey|AccessKey)=(?<v>[A-Za-z0-9+/]{30,}={0,2})", Options), Anchors("AccountKey=", "SharedAccessKey=", "AccessKey=")),
        new("azure-sas-token", new Regex(@"[?&;]sig=(?<v>[A-Za-z0-9%+/=]{30,})", Options), Anchors("sig=")),
        new("github-token", new Regex(@"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}", Options), Anchors("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
        new("gitlab-token", new Regex(@"\bgl(?:pat|dt|rt|ptt|cbt)-[A-Za-z0-9_-]{20,}", Options), Anchors("glpat-", "gldt-", "glrt-", "glptt-", "glcbt-")),
        new("slack-token", new Regex(@"\bxox[abposre]-[A-Za-z0-9-]{10,}|https://hooks\.slack\.com/services/[A-Za-z0-9/]{20,}", Options), Anchors("xox", "hooks.slack.com")),
        new("stripe-key", new Regex(@"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|\bwhsec_[A-Za-z0-9]{24,}", Options), Anchors("_live_", "_test_", "whsec_")),
        new("anthropic-key", new Regex(@"\bsk-ant-[A-Za-z0-9_-]{20,}", Options), Anchors("sk-ant-")),
        new("openai-key", new Regex(@"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}", Options), Anchors("sk-"),
            static (_, v) => !v.StartsWith("sk-ant-", StringComparison.Ordinal) && HasMixedClasses(v[3..])),
        new("google-api-key", new Regex(@"\bAIza[0-9A-Za-z_-]{35}", Options), Anchors("AIza")),
        new("jwt", new Regex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", Options), Anchors("eyJ"),
            // The jwt.io sample token is in every tutorial; it signs nothing real.
            static (_, v) => !v.EndsWith("SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", StringComparison.Ordinal)),
        new("connection-string-password", new Regex(@"\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|ftp|smtps?)://[^\s:/@]{1,64}:(?<v>[^\s@/]{1,128})@", Options),
            Anchors("://"), static (_, v) => !IsPlaceholder(v) && v.Length >= 4),
        new("connection-string-password", new Regex(@"(?i:\b(?:password|pwd)\s*=\s*)(?<v>[^;""'\s]{4,128})(?i:\s*;)", Options),
            // Only in an ADO-style connection string, not in code such as "password = req.body.password;".
            Anchors("password=", "pwd=", "password =", "pwd ="), static (text, _) => text.AsSpan().ContainsAny(ConnectionStringKeys)),
        new("generic-secret", new Regex(
            @"(?i:(?<k>[a-z0-9_.-]{0,40}(?:api[_-]?key|apikey|secret|password|passwd|pwd|token|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|credential)[a-z0-9_.-]{0,20}))[""']?\s*(?::|=|=>|:=)\s*[""']?(?<v>[^\s""'`,;<>()\[\]{}]{8,200})",
            Options),
            Anchors("key", "secret", "password", "passwd", "pwd", "token", "credential"), null),
    ];

    /// <summary>Builds every regex now, so that no message pays for it.</summary>
    public static void WarmUp()
    {
        foreach (var detector in Detectors)
        {
            detector.Regex.IsMatch("PRIVATE KEY AKIA secret sig= ghp_ glpat- xox _live_ sk-ant- sk- AIza eyJ :// password= key token credential");
        }
    }

    /// <summary>Every secret in the first <paramref name="maxChars"/> characters of <paramref name="text"/>, in order of position.</summary>
    public static List<SecretMatch> Scan(string text, int maxChars = int.MaxValue)
    {
        var found = new List<SecretMatch>();
        if (text.Length < 8)
        {
            return found;
        }

        var scanned = text.Length > maxChars ? text[..maxChars] : text;
        foreach (var detector in Detectors)
        {
            if (!scanned.AsSpan().ContainsAny(detector.Anchors))
            {
                continue;
            }

            foreach (Match m in detector.Regex.Matches(scanned))
            {
                var group = m.Groups["v"];
                var value = group.Success ? group.Value : m.Value;
                var start = group.Success ? group.Index : m.Index;
                var accepted = detector.Kind == "generic-secret"
                    ? AcceptGeneric(m.Groups["k"].Value, value)
                    : (detector.Kind == "private-key" || !IsPlaceholder(value)) && (detector.Accept?.Invoke(scanned, value) ?? true);
                if (accepted)
                {
                    found.Add(new SecretMatch(detector.Kind, start, value.Length));
                }
            }
        }

        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>Shannon entropy of <paramref name="value"/> in bits per character.</summary>
    public static double Entropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        double entropy = 0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }

    private static bool AcceptGeneric(string key, string value)
    {
        if (key.AsSpan().ContainsAny(PublicKeyMarkers) || IsPlaceholder(value) || value.Contains("://", StringComparison.Ordinal)
            || value[0] is '/' or '.' or '~' or '$' or '%' or '@' || value.StartsWith("sha", StringComparison.OrdinalIgnoreCase)
            || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var isPassword = key.Contains("pass", StringComparison.OrdinalIgnoreCase) || key.Contains("pwd", StringComparison.OrdinalIgnoreCase);
        if (isPassword)
        {
            return value.Length >= 8 && HasMixedClasses(value) && Entropy(value) >= 2.5;
        }

        return value.Length >= MinimumGenericLength && HasMixedClasses(value) && Entropy(value) >= MinimumEntropy && !LooksLikeIdentifier(value);
    }

    /// <summary>True for values like <c>my_api_key_name</c> or <c>GITHUB_TOKEN</c>: words joined by separators, not random.</summary>
    private static bool LooksLikeIdentifier(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits == 0 && (value.Contains('_') || value.Contains('-') || value.Contains('.')) ;
    }

    private static bool HasMixedClasses(string value)
    {
        int lower = 0, upper = 0, digit = 0, other = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterLower(c))
            {
                lower = 1;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper = 1;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = 1;
            }
            else
            {
                other = 1;
            }
        }

        return lower + upper + digit + other >= 2 && (digit == 1 || (lower == 1 && upper == 1));
    }

    private static bool IsPlaceholder(string value)
    {
        if (PlaceholderWords.Contains(value) || value.AsSpan().ContainsAny(PlaceholderValues))
        {
            return true;
        }

        // A run of one repeated character ("aaaaaaaa", "00000000") is filler.
        var distinct = 0;
        Span<bool> seen = stackalloc bool[128];
        foreach (var c in value)
        {
            if (c < 128 && !seen[c])
            {
                seen[c] = true;
                distinct++;
            }
        }

        return distinct <= 3;
    }

    private static int Base64Body(string pem)
    {
        var count = 0;
        var header = pem.IndexOf("-----", 5, StringComparison.Ordinal);
        for (var i = header < 0 ? 0 : header + 5; i < pem.Length && pem[i] != '-'; i++)
        {
            count += char.IsAsciiLetterOrDigit(pem[i]) || pem[i] is '+' or '/' ? 1 : 0;
        }

        return count;
    }
}
