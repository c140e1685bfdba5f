namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// Whether a tool description stops mid-sentence, so that the next description of the list continues it (a piece of a
/// split instruction), or is a whole sentence of its own. Real servers often leave out the final full stop ("List branches
/// in a GitHub repository"): a missing stop alone is no cut, or a long list reads as one sentence.
/// </summary>
internal static class DescriptionContinuation
{
    /// <summary>Words a sentence does not end on (articles, prepositions, conjunctions, determiners), in the lexicon's main languages.</summary>
    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // English
        "a", "an", "the", "and", "or", "but", "nor", "to", "into", "onto", "of", "in", "on", "at", "for", "from", "with", "by",
        "then", "its", "your", "their", "his", "her", "our", "my", "this", "that", "these", "those", "as", "if", "when", "before",
        "after", "via", "than", "so", "whose", "which", "where", "also", "including", "containing", "named", "called",
        // German
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "und", "oder", "zu", "im", "mit", "von", "für",
        "auf", "an", "aus", "dann", "ihre", "ihren", "deine", "deinen",
        // Spanish, Portuguese, Italian, French
        "el", "la", "los", "las", "un", "una", "y", "o", "de", "del", "en", "con", "para", "por", "al", "su", "sus", "luego",
        "os", "as", "um", "uma", "e", "ou", "do", "da", "em", "com", "pelo", "pela", "depois",
        "il", "lo", "gli", "le", "di", "della", "nel", "per", "poi",
        "les", "une", "et", "du", "des", "dans", "avec", "pour", "par", "aux", "puis", "vos", "votre",
    };

    /// <summary>
    /// True when <paramref name="description"/> is cut mid-sentence: it has no final stop and either ends on a word or sign
    /// a sentence cannot end on, or <paramref name="next"/> (the following description, if any) does not start a sentence.
    /// </summary>
    public static bool IsCut(string description, string? next)
    {
        var text = description.AsSpan().TrimEnd();
        if (text.Length == 0 || EndsSentence(text[^1]))
        {
            return false;
        }

        if (text[^1] is ',' or ':' or ';' or '-' or '–' or '—' or '(' or '[' or '{' or '/' or '&' or '+')
        {
            return true;
        }

        var start = text.Length;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        if (start < text.Length && DanglingWords.Contains(text[start..].ToString()))
        {
            return true;
        }

        // No stop and a whole last word: cut only when the next description does not open a sentence of its own (a
        // lowercase word, a path, a quote: "read the file" / "~/.ssh/id_rsa and …"). Scripts without case keep reading on.
        var following = next.AsSpan().TrimStart();
        return following.Length > 0 && !char.IsUpper(following[0]);
    }

    /// <summary>True for the characters a whole description ends on.</summary>
    public static bool EndsSentence(char c) => c is '.' or '!' or '?' or '。' or '！' or '？' or ')' or '"' or '\'' or '`' or '»' or '”';
}
