using McpVanguard.Inspection.Preflight;
using McpVanguard.Inspection.Shell;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// A search for key or credential names confined to the project's test data (<c>grep -rl 'BEGIN PRIVATE KEY' test/fixtures</c>,
/// <c>search_files {"path": "test", "pattern": "id_rsa"}</c>): what it can find there are fixtures a test suite ships, never the user's
/// keys, which live in the home directory and system folders. The credential-hunting rules (CMD-023, FS-017) stay on for any other root:
/// the working directory, the home directory, an absolute path, a path that climbs out (<c>..</c>) or one chosen at run time (<c>$X</c>).
/// </summary>
internal static class TestDataSearch
{
    /// <summary>Directories of test data, as the first segment of a relative path or any later one.</summary>
    private static readonly string[] TestDirectories = ["tests", "test", "fixtures", "testdata", "__fixtures__", "spec", "__tests__", "__snapshots__", "testcases"];

    /// <summary>Programs a search's output may be piped through: they only count, cut or page what was found.</summary>
    private static readonly HashSet<string> Filters = new(StringComparer.Ordinal) { "head", "tail", "wc", "sort", "uniq", "less", "more", "cut" };

    /// <summary>True when <paramref name="commandLine"/> is one search (grep, rg, git grep…) whose every file operand is test data.</summary>
    public static bool IsConfined(string commandLine)
    {
        if (commandLine.Length > ShellTokenizer.MaxLength)
        {
            return false;
        }

        var script = ShellTokenizer.Parse(commandLine);
        var searches = 0;
        foreach (var pipeline in script.Pipelines)
        {
            for (var c = 0; c < pipeline.Commands.Count; c++)
            {
                var command = pipeline.Commands[c];
                var words = command.Words;
                var k = FindCommand(words, out var elevated);
                if (k >= words.Count || elevated || command.Substitutions.Count > 0)
                {
                    return false;
                }

                var name = NameOf(words[k]);
                if (c > 0 && Filters.Contains(name))
                {
                    continue;
                }

                if (c > 0 || !ShellSearchArguments.IsSearch(words, k, name) || !OperandsAreTestData(words, k, name))
                {
                    return false;
                }

                searches++;
            }
        }

        return searches > 0;
    }

    /// <summary>True when a search tool's call names at least one root and every path argument is test data.</summary>
    public static bool IsConfined(IReadOnlyList<ArgumentString> strings)
    {
        var roots = 0;
        foreach (var s in strings)
        {
            if (!ArgumentRoles.IsPathKey(s.Key))
            {
                continue;
            }

            if (!IsTestDataPath(s.Decoded))
            {
                return false;
            }

            roots++;
        }

        return roots > 0;
    }

    private static bool OperandsAreTestData(List<string> words, int k, string name)
    {
        var files = 0;
        foreach (var word in ShellSearchArguments.Classify(words, k, name))
        {
            if (word.Role != SearchRole.File)
            {
                continue;
            }

            if (!IsTestDataPath(words[word.Index][word.Offset..]))
            {
                return false;
            }

            files++;
        }

        return files > 0;
    }

    /// <summary>A relative path inside the project that goes through a test-data directory (<c>test/fixtures</c>, <c>./spec/keys</c>, <c>pkg/testdata</c>).</summary>
    public static bool IsTestDataPath(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        if (p.Length == 0 || p[0] is '/' or '~' or '$' or '%' or '`' || p.Contains(':', StringComparison.Ordinal) || p.AsSpan().IndexOfAny("*?[{") >= 0)
        {
            return false;
        }

        var segments = p.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return !Array.Exists(segments, static s => s == "..")
            && Array.Exists(segments, static s => Array.IndexOf(TestDirectories, s.ToLowerInvariant()) >= 0);
    }
}
