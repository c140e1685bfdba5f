using System.Collections.Frozen;
using McpVanguard.Inspection.Preflight;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// Tool names built to pass for another: Latin mixed with Cyrillic/Greek look-alikes, invisible or bidi characters, or
/// digits standing in for letters (<c>read_fi1e</c>) so that the name reads as a well-known tool's.
/// </summary>
public static class ToolNameLookalikes
{
    /// <summary>Names of widely used tools (reference servers, GitHub, Slack, shells, mail) that impostors imitate.</summary>
    private static readonly FrozenSet<string> CommonNames = new[]
    {
        "read_file", "read_text_file", "read_media_file", "read_multiple_files", "write_file", "edit_file", "create_directory", "list_directory",
        "list_directory_with_sizes", "directory_tree", "move_file", "search_files", "get_file_info", "list_allowed_directories", "delete_file",
        "execute_command", "run_command", "run_shell_command", "bash", "shell", "exec", "terminal", "send_email", "send_message", "send_mail",
        "search", "fetch", "web_search", "brave_web_search", "brave_local_search", "create_issue", "create_pull_request", "get_file_contents",
        "push_files", "create_or_update_file", "search_repositories", "merge_pull_request", "query", "execute_sql", "read_query", "write_query",
        "list_tables", "describe_table", "create_entities", "read_graph", "search_nodes", "open_nodes", "add_observations", "echo", "add",
        "puppeteer_navigate", "puppeteer_screenshot", "puppeteer_click", "puppeteer_fill", "puppeteer_evaluate", "slack_post_message",
        "slack_list_channels", "slack_reply_to_thread", "git_commit", "git_status", "git_diff", "git_log", "git_add", "git_push", "transfer_funds",
        "get_balance", "login", "authenticate", "get_weather", "calculator", "python", "run_python", "javascript", "navigate", "screenshot",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A reason when <paramref name="name"/> imitates another tool's name, otherwise null.</summary>
    public static string? Check(string name)
    {
        var canonical = StringCanonicalizer.Canonicalize("name", name);
        if ((canonical.Flags & (EvasionFlags.MixedScript | EvasionFlags.InvisibleCharacters | EvasionFlags.BidiControl | EvasionFlags.TagCharacters | EvasionFlags.ControlCharacter)) != 0)
        {
            return "Tool name hides characters or mixes Latin with look-alike letters of another script.";
        }

        var lower = name.ToLowerInvariant();
        if (CommonNames.Contains(lower))
        {
            return null;
        }

        if (!string.Equals(canonical.Canonical, lower, StringComparison.Ordinal) && CommonNames.Contains(canonical.Canonical))
        {
            return "Tool name is a look-alike spelling of a common tool's name.";
        }

        var folded = FoldDigits(lower);
        if (!string.Equals(folded, lower, StringComparison.Ordinal) && CommonNames.Contains(folded))
        {
            return "Tool name imitates a common tool's name with digits for letters.";
        }

        // Letters that read as one another in most fonts (i and l, rn and m, vv and w): "read_fiie" is read as read_file.
        return CommonSkeletons.Contains(Skeleton(folded)) ? "Tool name imitates a common tool's name with letters that look alike." : null;
    }

    /// <summary>The common names as <see cref="Skeleton"/> reduces them.</summary>
    private static readonly FrozenSet<string> CommonSkeletons = CommonNames.Select(Skeleton).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A name with look-alike letters reduced to one of each kind: i, l, 1 and | to l; rn to m; vv to w; cl to d.</summary>
    internal static string Skeleton(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var next = i + 1 < name.Length ? name[i + 1] : '\0';
            if (c == 'r' && next == 'n')
            {
                sb.Append('m');
                i++;
            }
            else if (c == 'v' && next == 'v')
            {
                sb.Append('w');
                i++;
            }
            else if (c == 'c' && next == 'l')
            {
                sb.Append('d');
                i++;
            }
            else
            {
                sb.Append(c is 'i' or '1' or '|' or '!' or 'I' ? 'l' : c);
            }
        }

        return sb.ToString();
    }

    private static string FoldDigits(string s) => string.Create(s.Length, s, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '0' => 'o',
                '1' => 'l',
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '@' => 'a',
                _ => source[i],
            };
        }
    });
}
