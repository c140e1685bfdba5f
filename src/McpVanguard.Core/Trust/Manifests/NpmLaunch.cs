namespace McpVanguard.Core.Trust.Manifests;

/// <summary>
/// Which npm package a server's command line runs: a registry package named to a launcher (<c>npx</c>, <c>npm exec</c>,
/// <c>npm x</c>, <c>pnpm dlx</c>), or a file inside a <c>node_modules</c> tree (a <c>node_modules/.bin</c> link, or
/// <c>node …/node_modules/pkg/…</c>). Parsed, never run; a launcher option it cannot account for makes the launch
/// unverifiable rather than guessed.
/// </summary>
/// <param name="Launcher"><c>npx</c>, <c>npm exec</c>, <c>pnpm dlx</c>, or <c>path</c> for a file in a node_modules tree.</param>
/// <param name="Spec">The package spec as given to the launcher (<c>@scope/name@1.2.3</c>); null for a path.</param>
/// <param name="Name">The package name from the spec; null for a path (the package is found from the file).</param>
/// <param name="Version">The version the spec asks for (exact, or a dist-tag such as <c>latest</c>); null when none.</param>
/// <param name="File">The launched file for a path launch.</param>
/// <param name="ExplicitPackage">The package came from <c>--package</c>/<c>-p</c>, so npm does not look for a local bin of that name first.</param>
public sealed record NpmLaunch(string Launcher, string? Spec, string? Name, string? Version, string? File, bool ExplicitPackage = false)
{
    /// <summary>The options of npx/npm exec that take no value and do not change which package runs.</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "-y", "--yes", "--no", "-q", "--quiet", "--silent", "-s", "--offline", "--prefer-offline", "--prefer-online", "--no-install", "--ignore-existing",
    };

    /// <summary>
    /// The npm launch of <paramref name="argv"/>, or null when it is not an npm launch at all (a Python or .NET server).
    /// </summary>
    /// <exception cref="FormatException">An npm launch whose package cannot be told for sure (an unknown option, <c>-c</c>, several packages, a git or file spec).</exception>
    public static NpmLaunch? Parse(IReadOnlyList<string> argv)
    {
        if (argv.Count == 0)
        {
            return null;
        }

        var program = ProgramName(argv[0]);
        return program switch
        {
            "npx" => FromLauncher("npx", argv, 1),
            "npm" when argv.Count > 1 && argv[1] is "exec" or "x" => FromLauncher("npm exec", argv, 2),
            "pnpm" when argv.Count > 1 && argv[1] == "dlx" => FromLauncher("pnpm dlx", argv, 2),
            "node" or "nodejs" => argv.Skip(1).FirstOrDefault(a => !a.StartsWith('-')) is { } script && InNodeModules(script) ? new NpmLaunch("path", null, null, null, script) : null,
            _ => InNodeModules(argv[0]) ? new NpmLaunch("path", null, null, null, argv[0]) : null,
        };
    }

    /// <summary>The spec's name and requested version: <c>@scope/name@1.2.3</c> → (<c>@scope/name</c>, <c>1.2.3</c>).</summary>
    /// <exception cref="FormatException">Not a registry package spec (a path, URL, git, alias or tarball spec).</exception>
    public static (string Name, string? Version) SplitSpec(string spec)
    {
        var at = spec.IndexOf('@', spec.StartsWith('@') ? 1 : 0);
        var name = at < 0 ? spec : spec[..at];
        var version = at < 0 ? null : spec[(at + 1)..];
        if (!IsPackageName(name) || version is { Length: 0 } || version?.Any(c => char.IsWhiteSpace(c) || c is ':' or '/') == true)
        {
            throw new FormatException($"'{spec}' is not a registry package spec (name or name@version) that a manifest can describe.");
        }

        return (name, version);
    }

    /// <summary>An npm package name: lower-case URL-safe characters, optionally <c>@scope/</c>.</summary>
    public static bool IsPackageName(string name)
    {
        var parts = name.StartsWith('@') ? name[1..].Split('/') : [name];
        return parts.Length == (name.StartsWith('@') ? 2 : 1) && name.Length <= 214
            && parts.All(p => p.Length > 0 && p[0] is not ('.' or '_') && p.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_' or '~'));
    }

    private static NpmLaunch FromLauncher(string launcher, IReadOnlyList<string> argv, int first)
    {
        string? package = null;
        for (var i = first; i < argv.Count; i++)
        {
            var arg = argv[i];
            if (arg == "--")
            {
                return Package(launcher, package, argv, i + 1);
            }

            if (arg is "-p" or "--package")
            {
                package = package is null && i + 1 < argv.Count ? argv[++i] : throw Unverifiable(launcher, arg);
                continue;
            }

            if (arg.StartsWith("--package=", StringComparison.Ordinal))
            {
                package = package is null ? arg["--package=".Length..] : throw Unverifiable(launcher, arg);
                continue;
            }

            if (arg.StartsWith('-'))
            {
                // -c runs a shell line, --registry/--userconfig change where the package comes from: not a launch a manifest pins.
                _ = Flags.Contains(arg) ? 0 : throw Unverifiable(launcher, arg);
                continue;
            }

            return Package(launcher, package, argv, i);
        }

        throw new FormatException($"{launcher} is given no package to run.");
    }

    private static NpmLaunch Package(string launcher, string? package, IReadOnlyList<string> argv, int command)
    {
        if (package is null && command >= argv.Count)
        {
            throw new FormatException($"{launcher} is given no package to run.");
        }

        var spec = package ?? argv[command];
        var (name, version) = SplitSpec(spec);
        return new NpmLaunch(launcher, spec, name, version, null, ExplicitPackage: package is not null);
    }

    private static FormatException Unverifiable(string launcher, string option)
        => new($"the {launcher} option '{option}' is not one vanguard can account for, so it cannot tell which package runs; launch the package without it (or by its node_modules path).");

    private static string ProgramName(string program)
    {
        var name = Path.GetFileName(program);
        foreach (var suffix in (string[])[".cmd", ".exe", ".ps1", ".js"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static bool InNodeModules(string path)
        => path.Replace('\\', '/').Split('/').Contains("node_modules", StringComparer.Ordinal);
}
