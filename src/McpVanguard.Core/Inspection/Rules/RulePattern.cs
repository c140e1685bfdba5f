using System.Text;
using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// A rule's regex, always run by the linear-time <see cref="RegexOptions.NonBacktracking"/> engine, with the literals a
/// match cannot do without. The regex is built only when a text holding one of those literals reaches the rule, through
/// the bounded <see cref="RegexCache"/>. A case-folded pattern that is a phrase list in disguise runs as a
/// <see cref="PhrasePattern"/> on text of any length and never builds its regex.
/// </summary>
public sealed class RulePattern
{
    private readonly LazyRegex _regex;
    private readonly PhrasePattern? _phrase;

    /// <param name="text">The pattern as written in the rule file.</param>
    /// <param name="caseFolded">
    /// True when the input is already lower-cased (the canonical copy): the pattern's literals are lower-cased instead
    /// of using IgnoreCase, whose Unicode case tables cost about 2 MiB per regex in this engine.
    /// </param>
    public RulePattern(string text, bool caseFolded)
    {
        Text = text;
        var source = caseFolded ? LowerLiterals(text) : text;
        _regex = new LazyRegex(source, RegexOptions.CultureInvariant | (caseFolded ? RegexOptions.None : RegexOptions.IgnoreCase));
        _phrase = PhrasePattern.TryCreate(source, _regex.Options);
        RequiredLiteralSets = Rules.RequiredLiterals.ExtractAll(text);
    }

    /// <summary>The pattern as written in the rule file.</summary>
    public string Text { get; }

    /// <summary>The most selective set of lower-cased literals of which every match contains one; null when none could be worked out (the rule always runs).</summary>
    public IReadOnlyList<string>? RequiredLiterals => RequiredLiteralSets is [var best, ..] ? best : null;

    /// <summary>Every match contains a literal of each of these sets (most selective first); empty when none could be worked out.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredLiteralSets { get; }

    /// <summary>The compiled regex (built now if it is not built).</summary>
    public Regex Regex => _regex.Value;

    /// <summary>True while the regex is built and held by the cache.</summary>
    public bool IsBuilt => _regex.IsBuilt;

    /// <summary>True when the pattern runs as a phrase program and never builds its regex.</summary>
    public bool IsPhraseList => _phrase is not null;

    public bool IsMatch(string input)
        => _phrase is not null ? _phrase.IsMatch(input) : _regex.Value.IsMatch(input);

    /// <summary>Builds the regex once, uncached; throws <see cref="ArgumentException"/> or <see cref="NotSupportedException"/> when it cannot run in linear time.</summary>
    public void Validate() => _regex.Validate();

    public override string ToString() => Text;

    /// <summary>Lower-cases the literal characters of a pattern, leaving escapes (<c>\S</c>, <c>\W</c>, <c>\p{Lu}</c>) as they are.</summary>
    internal static string LowerLiterals(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '\\' || i + 1 >= pattern.Length)
            {
                sb.Append(char.ToLowerInvariant(c));
                continue;
            }

            sb.Append(c).Append(pattern[++i]);
            if (pattern[i] is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                // A Unicode category name is case-sensitive: copy it up to the closing brace.
                while (++i < pattern.Length)
                {
                    sb.Append(pattern[i]);
                    if (pattern[i] == '}')
                    {
                        break;
                    }
                }
            }
        }

        return sb.ToString();
    }
}
