using System.Buffers;
using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Secrets;

/// <summary>
/// The one home of credential formats, for both directions. Finds credentials in text: provider tokens by their documented shapes, private keys, connection-string passwords and
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

    private static readonly string[] PlaceholderMarkers =
    [
        "example", "xxxx", "your", "changeme", "change_me", "change-me", "changethis", "change_this", "change-this", "placeholder", "redacted", "dummy", "sample", "****", "...", "${", "{{", "%(", "<",
        "process.env", "os.environ", "getenv", "env.", "secret_here", "here", "replace", "insert", "todo", "fake", "mock", "foobar",
    ];

    /// <summary>Values that are words people put in examples, not secrets (compared whole, ignoring case).</summary>
    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "user", "username", "admin", "root", "test", "guest", "changeit", "letmein", "qwerty", "token", "apikey", "api_key", "key", "none", "empty",
        // The documented defaults of the official database and broker images (POSTGRES_PASSWORD=postgres, MinIO's minioadmin).
        "postgres", "postgresql", "mysql", "mariadb", "redis", "mongo", "mongodb", "rabbitmq", "minioadmin", "elastic", "cassandra", "neo4j",
    };

    private static readonly SearchValues<string> ConnectionStringKeys = SearchValues.Create(
        ["server=", "data source=", "host=", "database=", "initial catalog=", "user id=", "uid=", "endpoint="], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PlaceholderValues = SearchValues.Create(PlaceholderMarkers, StringComparison.OrdinalIgnoreCase);

    /// <summary>Keyboard runs people type into made-up keys ("sk-abcdef123456").</summary>
    private static readonly SearchValues<string> SequenceRuns = SearchValues.Create(["abcdef", "123456"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Longest value in which a keyboard run marks a placeholder: a long random token contains one by chance often enough
    /// (any 6-character window), and a made-up example is short.
    /// </summary>
    private const int MaxSequencePlaceholderLength = 40;

    /// <summary>Keys named like secrets that hold public values (paging cursors, token counts, token types).</summary>
    private static readonly SearchValues<string> PublicKeyMarkers = SearchValues.Create(
        ["page", "cursor", "next", "continuation", "count", "max_tokens", "maxtokens", "_tokens", "tokens_", "token_type", "tokentype", "tokenizer", "token_url", "tokenurl",
         "endpoint", "_uri", "_url", "file", "path", "length", "expires", "expiry", "_at", "_id", "keyid", "key_id", "name", "hint", "policy", "rotation", "min", "max", "format", "type", "header"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Every credential format, in the order matches are reported for one position. No regex is built here: each is built the first time text passes its gate.</summary>
    public static IReadOnlyList<SecretDetector> Detectors { get; } =
    [
        // PEM private keys with a real body: masked in answers and blocked in arguments.
        new("private-key", SecretRules.PrivateKey, new(@"-----BEGIN[A-Z ]{0,30}PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\s:,.\\]*(?:-[A-Za-z0-9+/=\s:,.\\]+)*(?:-----END[A-Z ]{0,30}PRIVATE KEY(?: BLOCK)?-----)?", Options),
            SecretScope.Both, static (_, v) => Base64Body(v) >= 64),

        // A private-key header alone (or a PuTTY key file) leaving in an argument is already the leak; in an answer a bare
        // header is usually documentation, so only the full block above is masked there.
        new("private-key", SecretRules.PrivateKey, new(@"-----BEGIN\s+(?:[A-Za-z0-9]+\s+)*PRIVATE\s+KEY(?:\s+BLOCK)?-----|\bPuTTY-User-Key-File-[0-9]+:", Options | RegexOptions.IgnoreCase),
            SecretScope.Arguments),
        new("aws-access-key", SecretRules.AwsAccessKey, new(@"\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|AROA|ANPA|ANVA|APKA)[0-9A-Z]{16}\b", Options),
            SecretScope.Both, static (_, v) => !v.EndsWith("EXAMPLE", StringComparison.Ordinal)),

        // aws_secret_access_key / AWS_SECRET / SecretAccessKey = 40 base64 characters (not AWS's documented ...EXAMPLEKEY).
        new("aws-secret-key", SecretRules.AwsSecretKey, new(@"(?i:(?:aws[\w.-]{0,24}(?:secret|sk)|secret_?access_?key)[\w.-]{0,24})[""']?\s*(?::|=|=>)\s*[""']?(?<v>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+]|$)", Options),
            SecretScope.Both, static (_, v) => !v.Contains("EXAMPLE", StringComparison.Ordinal)),
        new("azure-storage-key", SecretRules.AzureKey, new(@"(?:AccountKey|SharedAccessKey|AccessKey)=(?<v>[A-Za-z0-9+/]{30,}={0,2})", Options), SecretScope.Both),
        new("azure-sas-token", SecretRules.AzureKey, new(@"[?&;]sig=(?<v>[A-Za-z0-9%+/=]{30,})", Options), SecretScope.Both),
        new("github-token", SecretRules.GitHubToken, new(@"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}", Options), SecretScope.Both),
        new("gitlab-token", SecretRules.RegistryToken, new(@"\bgl(?:pat|dt|rt|ptt|cbt)-[A-Za-z0-9_-]{20,}", Options), SecretScope.Both),
        new("npm-token", SecretRules.RegistryToken, new(@"\bnpm_[A-Za-z0-9]{36}\b", Options), SecretScope.Both, static (_, v) => HasMixedClasses(v[4..])),
        new("pypi-token", SecretRules.RegistryToken, new(@"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}", Options), SecretScope.Both),
        new("slack-token", SecretRules.SlackToken, new(@"\bxox[abposre]-[A-Za-z0-9-]{10,}|\bxapp-[0-9]-[A-Za-z0-9-]{10,}|https://hooks\.slack\.com/services/[A-Za-z0-9/]{20,}", Options), SecretScope.Both),
        new("stripe-key", SecretRules.PaymentOrGoogleKey, new(@"\b(?:sk|rk)_live_[A-Za-z0-9]{16,}|\bwhsec_[A-Za-z0-9]{24,}", Options), SecretScope.Both),

        // Stripe test-mode keys move no money: masked in answers, but writing one into a test fixture is normal work.
        new("stripe-key", SecretRules.RedactOnly, new(@"\b(?:sk|rk)_test_[A-Za-z0-9]{16,}", Options), SecretScope.Output),
        new("sendgrid-key", SecretRules.PaymentOrGoogleKey, new(@"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{40,46}\b", Options), SecretScope.Both),
        new("anthropic-key", SecretRules.AiProviderKey, new(@"\bsk-ant-[A-Za-z0-9_-]{20,}", Options), SecretScope.Both),
        new("openai-key", SecretRules.AiProviderKey, new(@"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}", Options), SecretScope.Both,
            static (_, v) => !v.StartsWith("sk-ant-", StringComparison.Ordinal) && HasMixedClasses(v[3..])),
        new("huggingface-token", SecretRules.AiProviderKey, new(@"\bhf_[A-Za-z0-9]{34,}\b", Options), SecretScope.Both, static (_, v) => HasMixedClasses(v[3..])),
        new("google-api-key", SecretRules.PaymentOrGoogleKey, new(@"\bAIza[0-9A-Za-z_-]{35}", Options), SecretScope.Both),

        // A service-account JSON names itself; its private key is masked by private-key above.
        new("google-service-account", SecretRules.GoogleServiceAccount, new(@"""private_key_id""\s*:\s*""[0-9a-f]{40}""|""type""\s*:\s*""service_account""[^\n]*""client_email""", Options), SecretScope.Arguments),
        new("jwt", SecretRules.Jwt, new(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", Options), SecretScope.Both,
            // The jwt.io sample token is in every tutorial; it signs nothing real.
            static (_, v) => !v.EndsWith("SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", StringComparison.Ordinal)),

        // user:$6$salt$hash: lines copied out of /etc/shadow (md5crypt, bcrypt, sha256/512crypt, yescrypt).
        new("password-hash", SecretRules.PasswordHash, new(@"(?:^|\n|\\n|/n|\s|[""'])(?<v>(?i:[a-z_][a-z0-9_.-]*):\$(?:1|2[aby]|5|6|y|gy|7)\$[^:\s]{8,}):[0-9]*:", Options), SecretScope.Both),

        // Telegram bot API URLs with the bot token, Discord webhook URLs with their secret: a ready-made exfiltration channel.
        new("chat-webhook", SecretRules.ChatWebhook, new(@"(?i:\bapi\.telegram\.org/bot[0-9]{6,12}:[0-9a-z_-]{30,}|\bdiscord(?:app)?\.com/api/webhooks/[0-9]{15,}/[0-9a-z_-]{40,})", Options), SecretScope.Both),

        // In arguments, passwords in connection strings and generic key=value secrets are judged by where they go
        // (SEC-010/011/012/017/018 in secrets.yaml, scoped by tool and key); in answers they are masked.
        new("connection-string-password", SecretRules.RedactOnly, new(@"\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|ftp|smtps?)://[^\s:/@]{1,64}:(?<v>[^\s@/]{1,128})@", Options),
            // A password that repeats the user name (postgres://app:app@…, amqp://guest:guest@…) is a local default, not a secret.
            SecretScope.Output, static (text, v) => !IsPlaceholder(v) && v.Length >= 4 && !text.Contains(string.Concat("/", v, ":", v, "@"), StringComparison.Ordinal)),
        new("connection-string-password", SecretRules.RedactOnly, new(@"(?i:\b(?:password|pwd)\s*=\s*)(?<v>[^;""'\s]{4,128})(?i:\s*;)", Options),
            // Only in an ADO-style connection string, not in code such as "password = req.body.password;".
            SecretScope.Output, static (text, _) => text.AsSpan().ContainsAny(ConnectionStringKeys)),
        .. ProviderTokenFormats.All,

        new("generic-secret", SecretRules.RedactOnly, new(
            @"(?i:(?<k>[a-z0-9_.-]{0,40}(?:api[_-]?key|apikey|secret|password|passwd|pwd|token|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|credential)[a-z0-9_.-]{0,20}))[""']?\s*(?::|=|=>|:=)\s*[""']?(?<v>[^\s""'`,;<>()\[\]{}]{8,200})",
            Options), SecretScope.Output),
    ];

    /// <summary><see cref="Detectors"/> as an array: the scan loop runs over a hundred formats per string.</summary>
    private static readonly SecretDetector[] DetectorArray = [.. Detectors];

    /// <summary>Every secret in the first <paramref name="maxChars"/> characters of <paramref name="text"/> that a detector of <paramref name="scope"/> finds, in order of position.</summary>
    /// <remarks>
    /// Invisible characters are looked through: a token split by zero-width characters, soft hyphens or variation selectors
    /// is found, and its span (in <paramref name="text"/>) covers them.
    /// </remarks>
    public static List<SecretMatch> Scan(string text, int maxChars = int.MaxValue, SecretScope scope = SecretScope.Output)
    {
        var length = Math.Min(text.Length, maxChars);
        if (text.Length < 8 || !VisibleText.HasInvisible(text, length))
        {
            return ScanVisible(text, maxChars, scope);
        }

        var visible = VisibleText.Of(text, length);
        var found = ScanVisible(visible.Text, int.MaxValue, scope);
        for (var i = 0; i < found.Count; i++)
        {
            var (start, rawLength) = visible.ToRaw(found[i].Start, found[i].Length);
            found[i] = found[i] with { Start = start, Length = rawLength };
        }

        return found;
    }

    private static List<SecretMatch> ScanVisible(string text, int maxChars, SecretScope scope)
    {
        var found = new List<SecretMatch>();
        if (text.Length < 8)
        {
            return found;
        }

        var scanned = text.Length > maxChars ? text[..maxChars] : text;

        // One gate pass for the text, read by every detector (a hundred formats, one automaton scan). The detectors are
        // read first: building them registers their gates, and the pass must know every gate.
        var detectors = DetectorArray;
        var gates = AnalyzerGates.Passes(scanned);
        foreach (var detector in detectors)
        {
            if ((detector.Scope & scope) == 0 || !detector.Pattern.MayMatch(gates))
            {
                continue;
            }

            foreach (Match m in detector.Pattern.Regex.Matches(scanned))
            {
                var group = m.Groups["v"];
                var value = group.Success ? group.Value : m.Value;
                var start = group.Success ? group.Index : m.Index;
                var accepted = detector.Kind == "generic-secret"
                    ? AcceptGeneric(m.Groups["k"].Value, value)
                    : (detector.IgnorePlaceholders || !IsPlaceholder(value)) && (detector.Accept?.Invoke(scanned, value) ?? true);
                if (accepted)
                {
                    found.Add(new SecretMatch(detector.Kind, start, value.Length, detector.Rule));
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

    internal static bool HasMixedClasses(string value)
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
        if (PlaceholderWords.Contains(value) || value.AsSpan().ContainsAny(PlaceholderValues)
            || (value.Length < MaxSequencePlaceholderLength && value.AsSpan().ContainsAny(SequenceRuns)))
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
