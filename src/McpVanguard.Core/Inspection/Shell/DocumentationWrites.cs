namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Text written into documentation (<c>echo '0 3 * * * curl -fsS https://…/ping' &gt;&gt; docs/ops.md</c>, a here-document into an
/// <c>.rst</c> page, <c>write_file {"path": "docs/cron.md", …}</c>): an example for a reader. No scheduler, shell or service reads a
/// Markdown, reStructuredText or AsciiDoc file, so a cron line or start-up command written there is data. Installing the file
/// afterwards (<c>crontab notes.md</c>) is another command, judged on its own.
/// </summary>
public static class DocumentationWrites
{
    private static readonly string[] DocumentExtensions = [".md", ".markdown", ".mdx", ".rst", ".adoc", ".asciidoc"];

    /// <summary>True when <paramref name="path"/> names a documentation page (by extension; not a hidden or system location).</summary>
    public static bool IsDocument(string path)
    {
        var p = path.Trim().Trim('"', '\'').Replace('\\', '/');
        // A page under a scheduler's own folders (/etc/cron.d/x.md, /var/spool/cron/…) is in a place that is read by cron, whatever its name.
        if (p.Length is 0 or > 1024 || p.StartsWith("/etc/", StringComparison.OrdinalIgnoreCase) || p.Contains("/spool/", StringComparison.OrdinalIgnoreCase)
            || p.Contains("cron.d/", StringComparison.OrdinalIgnoreCase) || p.Contains("crontabs/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var e in DocumentExtensions)
        {
            if (p.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the command line only prints text (<c>echo</c>, <c>printf</c>, <c>cat</c> of a here-document) into documentation
    /// pages: no pipe onward, no substitution, no other command, and at least one write.
    /// </summary>
    public static bool CommandWritesOnlyDocuments(string text) => PrintOnlyWrites.Into(text, IsDocument, catHeredoc: true);
}
