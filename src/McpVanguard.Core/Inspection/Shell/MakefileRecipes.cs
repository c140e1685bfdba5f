using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The recipe lines of a Makefile (or justfile) handed to a tool as text (<c>make_target {"makefile": "setup:\n\trm -rf ~/.config\n"}</c>): each is
/// a command line that <c>make</c> gives to the shell, so they are judged as commands whatever the key is called.
/// </summary>
internal static class MakefileRecipes
{
    private const int MaxText = 64 * 1024;

    /// <summary>True for keys that carry a build file's text: <c>makefile</c>, <c>makefile_content</c>, <c>justfile</c>.</summary>
    public static bool IsBuildFileKey(string key) =>
        key.Contains("makefile", StringComparison.OrdinalIgnoreCase) || key.Contains("justfile", StringComparison.OrdinalIgnoreCase);

    /// <summary>The recipe lines (indented under a target), echo and error prefixes (<c>@</c>, <c>-</c>, <c>+</c>) removed, one per line; empty when there are none.</summary>
    public static string Of(string text)
    {
        if (text.Length > MaxText || !text.Contains('\n'))
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).TrimEnd('\r');
            if (line.Length < 2 || line[0] is not ('\t' or ' '))
            {
                continue;
            }

            var recipe = line.TrimStart().TrimStart("@-+");
            if (recipe.Length > 0 && recipe[0] != '#')
            {
                sb.Append(recipe).Append('\n');
            }
        }

        return sb.ToString();
    }
}
