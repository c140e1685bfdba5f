using McpVanguard.Inspection.Network;
using McpVanguard.Inspection.Paths;

namespace McpVanguard.Inspection.Sql;

/// <summary>Where a file name given to a database (COPY, read_csv, ATTACH, BACKUP, LOAD DATA) points.</summary>
internal enum SqlFileTargetKind
{
    /// <summary>An ordinary data file (<c>data.csv</c>, <c>/tmp/export.parquet</c>, a file in the user's project).</summary>
    Ordinary,

    /// <summary>A system, credential or start-up location: the database server would read or write what the caller may not.</summary>
    Sensitive,

    /// <summary>Another host: a URL (<c>https://</c>, <c>s3://</c>, <c>gs://</c>…) or a UNC share (<c>\\host\share</c>).</summary>
    Remote,
}

/// <summary>Classifies the file names SQL statements hand to the database server, using the sensitive-path catalogue.</summary>
internal static class SqlFileTarget
{
    /// <summary>Root directories a database server has no business reading for a caller (its own host's configuration and secrets).</summary>
    private static readonly string[] SystemRoots = ["etc", "proc", "sys", "root", "run", "dev", "boot", "windows"];

    /// <summary>Root directories where a written file becomes code or configuration (web roots, binaries).</summary>
    private static readonly string[] WriteRoots = ["etc", "root", "boot", "bin", "sbin", "usr", "lib", "var/www", "srv/www", "windows", "inetpub", "proc", "sys", "dev"];

    private static readonly string[] RemoteSchemes =
        ["http://", "https://", "s3://", "s3a://", "s3n://", "gs://", "gcs://", "az://", "azure://", "abfss://", "r2://", "hf://", "ftp://", "ftps://", "sftp://", "ssh://"];

    public static SqlFileTargetKind Classify(string name, bool write, out string? remoteHost)
    {
        remoteHost = null;
        var value = name.Trim();
        foreach (var scheme in RemoteSchemes)
        {
            if (value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                remoteHost = scheme.StartsWith("http", StringComparison.Ordinal) ? UrlClassifier.Classify(value).Host : null;
                return SqlFileTargetKind.Remote;
            }
        }

        if (value.StartsWith(@"\\", StringComparison.Ordinal) || value.StartsWith("//", StringComparison.Ordinal) && value.Length > 2 && value[2] != '/')
        {
            return SqlFileTargetKind.Remote;
        }

        var canonical = value.Replace('\\', '/').ToLowerInvariant();
        if (canonical.Length == 0 || canonical[0] == ':')
        {
            return SqlFileTargetKind.Ordinary; // :memory:
        }

        var path = NormalizedPath.Parse(canonical);
        if (SensitivePathCatalog.Match(path) is { } location && (write || location.Read is not null || location.RuleId == "PATH-028"))
        {
            return SqlFileTargetKind.Sensitive;
        }

        if (path.Climb > 0)
        {
            return SqlFileTargetKind.Sensitive; // ../../ out of the data directory
        }

        if (path.Root is "/" || path.Root.Length == 2 && path.Root[1] == ':')
        {
            var joined = string.Join('/', path.Segments);
            foreach (var root in write ? WriteRoots : SystemRoots)
            {
                if (joined == root || joined.StartsWith(root + "/", StringComparison.Ordinal))
                {
                    return SqlFileTargetKind.Sensitive;
                }
            }
        }

        return SqlFileTargetKind.Ordinary;
    }
}
