namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// What a tool's name says it does, read as words (<c>send_slack_message</c>, <c>sendSlackMessage</c>, <c>fs.readFile</c>):
/// reads, lists, deletes, or moves data off the machine. Words, not substrings: <c>get_posts</c> does not post.
/// </summary>
internal static class ToolNameWords
{
    /// <summary>Tools that can send data off the machine: web requests, mail and chat, uploads, publishing, pushes.</summary>
    private static readonly HashSet<string> Egress =
    [
        "fetch", "http", "https", "request", "curl", "wget", "post", "send", "email", "mail", "smtp", "slack", "discord", "telegram", "teams",
        "webhook", "upload", "publish", "tweet", "notify", "share", "browse", "navigate", "url", "gist", "paste", "pastebin", "ftp", "sftp",
        "scp", "sms", "push", "transfer", "submit", "forward",
    ];

    private static readonly HashSet<string> Read =
    [
        "read", "get", "cat", "view", "open", "show", "load", "download", "retrieve", "fetch", "describe", "lookup", "head", "tail", "inspect",
    ];

    private static readonly HashSet<string> List = ["list", "search", "find", "query", "browse", "ls", "scan", "glob", "tree", "page"];

    private static readonly HashSet<string> Delete = ["delete", "remove", "rm", "unlink", "trash", "erase", "purge", "destroy", "drop", "wipe", "rmdir"];

    /// <summary>
    /// Verbs of tools that write, move or delete what a path names. A word may also start with one, for names glued
    /// together (<c>writefile</c>, <c>createdirectory</c>), or end with <c>write</c> (<c>overwrite</c>); <c>get_output</c> and
    /// <c>input</c> contain <c>put</c> without being writes.
    /// </summary>
    private static readonly string[] WriteVerbs =
    [
        "write", "edit", "create", "append", "save", "put", "upload", "move", "copy", "rename", "delete", "remove", "mkdir", "patch", "replace",
    ];

    public static bool IsEgress(string? tool) => Any(tool, Egress);

    public static bool IsRead(string? tool) => Any(tool, Read);

    public static bool IsList(string? tool) => Any(tool, List);

    public static bool IsDelete(string? tool) => Any(tool, Delete);

    public static bool IsWrite(string? tool) => Any(tool, static word => StartsWithWriteVerb(word) || word.EndsWith("write", StringComparison.Ordinal));

    private static bool StartsWithWriteVerb(string word)
    {
        foreach (var verb in WriteVerbs)
        {
            if (word.StartsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Any(string? tool, HashSet<string> words) => Any(tool, words.Contains);

    private static bool Any(string? tool, Func<string, bool> isWord)
    {
        if (string.IsNullOrEmpty(tool) || tool.Length > 128)
        {
            return false;
        }

        var start = 0;
        for (var i = 0; i <= tool.Length; i++)
        {
            var end = i == tool.Length || tool[i] is '_' or '-' or '.' or '/' or ' ' or ':'
                || (char.IsUpper(tool[i]) && i > 0 && char.IsLower(tool[i - 1]));
            if (!end)
            {
                continue;
            }

            if (i > start && isWord(tool[start..i].ToLowerInvariant()))
            {
                return true;
            }

            start = i < tool.Length && char.IsUpper(tool[i]) ? i : i + 1;
        }

        return false;
    }
}
