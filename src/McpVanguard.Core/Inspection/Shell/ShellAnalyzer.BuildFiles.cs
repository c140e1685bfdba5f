using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// A CI workflow or build file edited in place (<c>sed -i</c>, <c>perl -pi</c>, <c>yq -i</c>, <c>jq … &gt; f</c>, <c>tee</c>, <c>sponge</c>) runs what is
/// written into it on the next build: the text the edit inserts is judged as the command it becomes, with the editor's own escaping
/// removed (<c>s|run: npm test|run: curl … \| bash|</c>). Version bumps and runner changes insert nothing that runs.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>Programs that rewrite a file from an expression on their command line.</summary>
    private static readonly HashSet<string> InPlaceEditors = new(StringComparer.Ordinal)
    {
        "sed", "gsed", "perl", "yq", "jq", "tee", "awk", "gawk", "sponge", "ed", "ex", "dasel", "toml", "npm", "sd", "rpl", "replace",
    };

    /// <summary>Path fragments of files a CI system or build tool runs (lower-case, '/' separators).</summary>
    private static readonly string[] BuildFiles =
    [
        ".github/workflows/", ".gitlab-ci.yml", "jenkinsfile", "azure-pipelines", ".circleci/", "bitbucket-pipelines.yml", ".travis.yml", ".drone.yml",
        ".buildkite/", "cloudbuild.yaml", "buildspec.yml", "makefile", "package.json", "setup.py", "build.gradle", "pom.xml", ".pre-commit-config.yaml",
        ".husky/", "justfile", "taskfile.yml", "dockerfile", "noxfile.py", "tox.ini", "build.rs", ".gitlab/ci/",
    ];

    private static bool IsBuildFile(string word)
    {
        var w = word.Replace('\\', '/').ToLowerInvariant();
        return BuildFiles.Any(f => w.Contains(f, StringComparison.Ordinal));
    }

    /// <summary>The replacement of a sed/perl substitution <c>s&lt;d&gt;pattern&lt;d&gt;replacement&lt;d&gt;flags</c> (any delimiter), or null for another expression.</summary>
    private static string? SubstitutionReplacement(string expression)
    {
        if (expression.Length < 4 || expression[0] != 's' || char.IsAsciiLetterOrDigit(expression[1]) || char.IsWhiteSpace(expression[1]))
        {
            return null;
        }

        var delimiter = expression[1];
        var part = 0;
        var start = 2;
        for (var i = 2; i < expression.Length; i++)
        {
            if (expression[i] == '\\')
            {
                i++;
                continue;
            }

            if (expression[i] == delimiter && ++part == 1)
            {
                start = i + 1;
            }
            else if (expression[i] == delimiter && part == 2)
            {
                return expression[start..i];
            }
        }

        return part == 1 ? expression[start..] : null;
    }

    private void CheckBuildFileEdit(List<string> words, int k, string name, int nesting)
    {
        // npm pkg set scripts.postinstall='…': package.json's scripts are commands npm runs (install hooks without being asked).
        if (name is "npm" or "pnpm" or "yarn" && words.Skip(k + 1).Take(2).SequenceEqual(["pkg", "set"]))
        {
            foreach (var w in words.Skip(k + 3))
            {
                if (w.StartsWith("scripts.", StringComparison.Ordinal) && w.IndexOf('=') is var eq and > 0)
                {
                    AnalyzeText(w[(eq + 1)..], nesting + 1);
                }
            }

            return;
        }

        if (!InPlaceEditors.Contains(name) || !words.Skip(k + 1).Any(IsBuildFile))
        {
            return;
        }

        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith('-') || IsBuildFile(w) || w.IndexOf(' ') < 0)
            {
                continue;
            }

            // What the edit writes, without the regex or JSON escaping that hid it: "\|" is '|', "\/" is '/', "\"" is '"'. A substitution
            // writes only its replacement: removing "curl … | sh" from a Makefile is a fix.
            if (name is "jq" or "yq" or "dasel" or "toml")
            {
                // jq '.scripts.prepare = "curl … | sh"' package.json: the filter's string literals are the values written, each a command once it lands.
                foreach (var literal in InterpreterLiterals.Extract(w))
                {
                    if (literal.Contains(' ', StringComparison.Ordinal))
                    {
                        AnalyzeText(literal, nesting + 1);
                    }
                }
            }

            w = SubstitutionReplacement(w) ?? w;
            AnalyzeText(w.Replace("\\|", "|", StringComparison.Ordinal).Replace("\\/", "/", StringComparison.Ordinal)
                .Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\&", "&", StringComparison.Ordinal), nesting + 1);
        }
    }
}
