using McpVanguard.Inspection.Paths;
using Xunit;

namespace McpVanguard.Tests.Inspection.Paths;

/// <summary>
/// The indexed catalog gives the answer a walk over every pattern in catalog order gives: the first family that matches.
/// The reference walk is written here, independently, and both are run over every catalog pattern made concrete and
/// over ordinary paths.
/// </summary>
public sealed class SensitivePathIndexTests
{
    private static readonly SensitivePathIndex Index = new(SensitivePathCatalog.Locations);

    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var location in SensitivePathCatalog.Locations)
        {
            foreach (var pattern in location.Patterns)
            {
                // Each pattern made concrete a few ways: wildcards filled, trees given a child, under a home and a project.
                var body = pattern.Replace("?:/", "c:/", StringComparison.Ordinal);
                foreach (var fill in new[] { "x", "a1", "" })
                {
                    var concrete = body.Replace("**", "home/dev", StringComparison.Ordinal).Replace("*", fill, StringComparison.Ordinal);
                    data.Add(concrete);
                    data.Add(concrete + "/child");
                    data.Add("/srv/backup" + (concrete.StartsWith('/') ? concrete : "/" + concrete));
                }
            }
        }

        foreach (var ordinary in new[] { "/home/dev/project/src/main.rs", "~/notes.txt", "c:/users/ann/documents/report.docx", "/etc/hosts", "/usr/share/doc/readme",
                     "relative/.ssh/id_rsa.pub", "/var/lib/postgresql/data", "/run/user/1000/bus", "a/b/c/d/e/f/g" })
        {
            data.Add(ordinary);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Index_agrees_with_a_walk_in_catalog_order(string path)
    {
        var parsed = NormalizedPath.Parse(path);
        if (parsed.Segments.Count == 0)
        {
            return;
        }

        var anchoredOk = parsed.Root == "/" || parsed.Climb > 0;
        var driveOk = parsed.Root.Length == 2 && parsed.Root[1] == ':' || parsed.Climb > 0;
        Assert.Equal(Walk(parsed, anchoredOk, driveOk)?.RuleId, Index.Match(parsed.Segments, anchoredOk, driveOk)?.RuleId);
    }

    [Fact]
    public void Almost_every_pattern_is_keyed_by_a_literal()
    {
        // Unkeyed patterns are tried on every path; they must stay a handful, or the index is not an index.
        Assert.InRange(Index.UnkeyedCount, 0, 8);
    }

    private static SensitiveLocation? Walk(NormalizedPath path, bool anchoredOk, bool driveOk)
    {
        var fileName = path.Segments[^1];
        foreach (var location in SensitivePathCatalog.Locations)
        {
            if (location.Excluded is { } excluded && excluded.Any(e => e.StartsWith('*') ? fileName.EndsWith(e[1..], StringComparison.Ordinal) : fileName == e))
            {
                continue;
            }

            foreach (var pattern in location.Patterns)
            {
                var drive = pattern.StartsWith("?:/", StringComparison.Ordinal);
                var anchored = pattern[0] == '/';
                if (anchored && !anchoredOk || drive && !driveOk)
                {
                    continue;
                }

                if (Segments(pattern[(drive ? 3 : anchored ? 1 : 0)..].Split('/'), 0, path.Segments, 0))
                {
                    return location;
                }
            }
        }

        return null;
    }

    private static bool Segments(string[] pattern, int p, List<string> segments, int s)
    {
        if (p == pattern.Length)
        {
            return s == segments.Count;
        }

        if (pattern[p] == "**")
        {
            return Enumerable.Range(s, segments.Count - s + 1).Any(i => Segments(pattern, p + 1, segments, i));
        }

        return s < segments.Count && McpVanguard.Inspection.Rules.Glob.Match(pattern[p], segments[s], foldCase: false) && Segments(pattern, p + 1, segments, s + 1);
    }
}
