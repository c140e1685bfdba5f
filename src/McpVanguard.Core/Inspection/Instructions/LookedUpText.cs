using McpVanguard.Inspection.Preflight;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Text an agent hands a tool to find or to translate, not to act on: the query of a search tool (<c>search_code</c>'s <c>q</c>,
/// a grep tool's <c>pattern</c>) and the text of a translation tool. An injection phrase there is what the user is looking for
/// ("find where we filter 'ignore previous instructions'") or wants translated, so it is reported as a warning, not blocked.
/// </summary>
internal static class LookedUpText
{
    /// <summary>Longest value treated as a query; a long text under a query key is a document, judged as any other argument.</summary>
    private const int MaxQueryChars = 200;

    private static readonly string[] SearchWords = ["search", "grep", "find", "lookup", "ripgrep"];

    private static readonly string[] TranslateWords = ["translat", "detect_lang", "detectlang", "transliterat"];

    public static bool Is(ArgumentString s, string? tool)
    {
        if (tool is null || s.Raw.Length > MaxQueryChars)
        {
            return false;
        }

        var name = tool.ToLowerInvariant();
        var key = s.Key.ToLowerInvariant();
        if (Any(name, SearchWords))
        {
            return key is "q" or "query" or "pattern" or "search" or "term" or "terms" or "keyword" or "keywords" or "regex" or "needle"
                or "search_query" or "searchquery" or "text_query";
        }

        return Any(name, TranslateWords) && key is "text" or "q" or "input" or "source_text" or "sourcetext" or "content" or "texts";
    }

    private static bool Any(string name, string[] words)
    {
        foreach (var word in words)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
