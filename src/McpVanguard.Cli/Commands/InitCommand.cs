using System.CommandLine;
using McpVanguard.Configuration;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard init</c>: writes a commented vanguard.yaml (profile, safe zones, audit settings) where every command finds
/// it (the user config directory) or at <c>--path</c>. It never disables a rule: the original project's init did.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var path = new Option<string?>("--path") { Description = "Where to write: a file, or a directory to hold vanguard.yaml. Default: the user config directory." };
        var safeZones = new Option<string[]>("--safe-zone") { Description = "An allowed root for path arguments (repeatable). Default: the current project (the git root above the working directory, or the working directory)." };
        var profile = new Option<string>("--profile") { Description = "monitor, balanced or strict.", DefaultValueFactory = _ => "balanced" };
        profile.AcceptOnlyFromAmong("monitor", "balanced", "strict");
        var yes = new Option<bool>("--yes", "-y") { Description = "Write without asking (for scripts)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing file (it is backed up first)." };
        var command = new Command("init", HelpText.With(
            "Write a commented vanguard.yaml: profile, safe zones (the current project unless --safe-zone), audit settings. Found afterwards by every command.",
            "vanguard init",
            "vanguard init --yes --safe-zone ~/projects --safe-zone ~/notes",
            "vanguard init --path . --profile strict --yes"))
        {
            path, safeZones, profile, yes, force,
        };
        command.SetAction(parse =>
        {
            var target = Target(parse.GetValue(path));
            var zones = parse.GetValue(safeZones) is { Length: > 0 } given ? given.Select(Path.GetFullPath).ToList() : [ProjectRoot(Environment.CurrentDirectory)];
            var text = VanguardYamlTemplate.Render(parse.GetValue(profile)!, zones);
            if (File.Exists(target) && !parse.GetValue(force))
            {
                Console.Error.WriteLine($"[vanguard] {target} already exists; not changed. Use --force to replace it (a backup is kept), or edit it.");
                return 1;
            }

            if (!parse.GetValue(yes))
            {
                if (Console.IsInputRedirected)
                {
                    Console.Error.WriteLine("[vanguard] init asks before writing; pass --yes when running without a terminal.");
                    return EngineFactory.ConfigurationError;
                }

                Console.WriteLine(text);
                Console.Write($"Write this to {target}? [y/N] ");
                if (Console.ReadLine()?.Trim().ToLowerInvariant() is not ("y" or "yes"))
                {
                    Console.WriteLine("Nothing written.");
                    return 1;
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                File.Copy(target, $"{target}.{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss'Z'}.vanguard-backup", overwrite: true);
            }

            File.WriteAllText(target, text);
            Console.WriteLine($"Wrote {target}.");
            CreateAuditKey();
            Console.WriteLine(target == Path.Join(ConfigFileLocation.UserConfigDirectory(), ConfigurationLoader.DefaultFileName)
                ? "Every vanguard command now reads it (unless --config or VANGUARD_CONFIG names another). Next: vanguard configure --all --dry-run"
                : $"Commands read it with --config {target} (or VANGUARD_CONFIG, or from the working directory).");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The key that signs audit checkpoints, in the state directory with owner-only permissions (docs/TRUST.md); made now
    /// so that its public half can be copied off the machine before anything is logged. <c>start</c> makes it otherwise.
    /// </summary>
    private static void CreateAuditKey()
    {
        var path = ConfigurationLoader.DefaultStatePath("audit-signing-key.pem");
        try
        {
            using var key = McpVanguard.Audit.Integrity.AuditSigningKey.LoadOrCreate(path, out var created);
            var pub = McpVanguard.Audit.Integrity.AuditSigningKey.PublicPath(path);
            Console.WriteLine(created
                ? $"Created the audit signing key {path} (owner-only); keep a copy of {pub} elsewhere to verify the log with `vanguard audit verify --key`."
                : $"Audit signing key: {path} (public half {pub}).");
        }
        catch (McpVanguard.Audit.Integrity.AuditKeyException ex)
        {
            Console.Error.WriteLine($"[vanguard] warning: {ex.Message}");
        }
    }

    private static string Target(string? path)
    {
        if (path is null)
        {
            return Path.Join(ConfigFileLocation.UserConfigDirectory(), ConfigurationLoader.DefaultFileName);
        }

        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? Path.Join(full, ConfigurationLoader.DefaultFileName) : full;
    }

    /// <summary>The git root above <paramref name="directory"/>, or the directory itself: the project an agent works on.</summary>
    private static string ProjectRoot(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            if (Directory.Exists(Path.Join(d.FullName, ".git")) || File.Exists(Path.Join(d.FullName, ".git")))
            {
                return d.FullName;
            }
        }

        return Path.GetFullPath(directory);
    }
}
