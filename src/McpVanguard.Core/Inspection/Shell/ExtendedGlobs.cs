using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// bash's extended globs (<c>shopt -s extglob</c>) and zsh's equivalents read as the brace and glob forms the expansion already knows:
/// <c>@(a|b)</c> and <c>+(a|b)</c> → <c>{a,b}</c>, <c>?(a)</c> and <c>*(a)</c> → <c>{,a}</c>, <c>!(a)</c> → <c>*</c> (anything else,
/// which includes the catalogued names). Only what a path names matters here, so repetition is read as one occurrence. Linear.
/// </summary>
internal static class ExtendedGlobs
{
    public static string AsBraces(string word)
    {
        if (word.IndexOf('(') < 0 || word.Length > 4096)
        {
            return word;
        }

        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is '@' or '+' or '?' or '*' or '!' && i + 1 < word.Length && word[i + 1] == '(' && (i == 0 || word[i - 1] != '$')
                && word.IndexOf(')', i + 2) is var close and > 0 && word.AsSpan(i + 2, close - i - 2).IndexOfAny("()") < 0)
            {
                var alternatives = word[(i + 2)..close].Split('|');
                if (c == '!')
                {
                    sb.Append('*');
                }
                else
                {
                    var optional = c is '?' or '*';
                    if (!optional && alternatives.Length == 1)
                    {
                        sb.Append(alternatives[0]);
                    }
                    else
                    {
                        sb.Append('{').Append(optional ? "," : string.Empty).AppendJoin(',', alternatives).Append('}');
                    }
                }

                i = close;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
