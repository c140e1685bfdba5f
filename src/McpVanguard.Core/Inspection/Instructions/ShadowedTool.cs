using System.Text.RegularExpressions;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Reads the <c>tool</c> capture of a match of a shadowing pattern without building its regex (0.4–5 MiB and up to
/// 150 ms of CPU for a pattern ordinary text reaches through common words: "before", "after", "tool"). The pattern's
/// top-level alternatives are run as phrase programs: the first alternative that matches where the match starts is the
/// one the regex took, and its capture is the quoted-or-bare name (<c>['"`]?(?&lt;tool&gt;[\w.-]+)['"`]?</c>) at its start
/// or at its end. An alternative of any other shape falls back to the regex, so a new pattern stays correct.
/// </summary>
internal sealed class ShadowedTool
{
    private const string Name = "['\"`]?(?<tool>[\\w.-]+)['\"`]?";

    private readonly PrefilteredRegex _pattern;
    private readonly Alternative[] _alternatives;

    public ShadowedTool(PrefilteredRegex pattern)
    {
        _pattern = pattern;
        _alternatives = [.. TopLevelAlternatives(pattern.Pattern).Select(a => new Alternative(
            PhrasePattern.TryCreate(a, pattern.Options),
            !a.Contains("(?<tool>", StringComparison.Ordinal) ? CapturePlace.None
            : a.StartsWith(Name, StringComparison.Ordinal) && a.IndexOf("(?<tool>", Name.Length, StringComparison.Ordinal) < 0 ? CapturePlace.Start
            : a.EndsWith(Name, StringComparison.Ordinal) && a.IndexOf("(?<tool>", StringComparison.Ordinal) == a.Length - Name.Length + 6 ? CapturePlace.End
            : CapturePlace.Unknown))];
    }

    /// <summary>The <c>tool</c> capture of the match of the pattern at <paramref name="index"/> (length <paramref name="length"/>); null when it has none.</summary>
    public string? Of(string text, int index, int length)
    {
        foreach (var alternative in _alternatives)
        {
            if (alternative.Phrase is null || alternative.Place == CapturePlace.Unknown)
            {
                break;
            }

            if (!alternative.Phrase.TryMatch(text, index, out var at, out _) || at != index)
            {
                continue;
            }

            return alternative.Place switch
            {
                CapturePlace.Start => NameAtStart(text, index),
                CapturePlace.End => NameAtEnd(text, index + length),
                _ => null,
            };
        }

        var group = _pattern.Regex.Match(text, index, length).Groups["tool"];
        return group.Success ? group.Value : null;
    }

    /// <summary>The name after an optional quote: the greedy run cannot give characters back, as nothing after it reads a name character.</summary>
    private static string NameAtStart(string text, int start)
    {
        if (IsQuote(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && IsNameChar(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>The name before an optional closing quote, back to the first character that cannot be part of it.</summary>
    private static string NameAtEnd(string text, int end)
    {
        if (end > 0 && IsQuote(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && IsNameChar(text[start - 1]))
        {
            start--;
        }

        return text[start..end];
    }

    private static bool IsQuote(char c) => c is '\'' or '"' or '`';

    private static bool IsNameChar(char c) => c is '.' or '-' || PhraseClass.IsWordChar(c);

    /// <summary>The pattern split at its top-level <c>|</c> (outside groups and classes); the whole pattern when it does not balance.</summary>
    internal static List<string> TopLevelAlternatives(string pattern) => BranchGate.TopLevelBranches(pattern) ?? [pattern];

    private enum CapturePlace
    {
        None,
        Start,
        End,
        Unknown,
    }

    private sealed record Alternative(PhrasePattern? Phrase, CapturePlace Place);
}
