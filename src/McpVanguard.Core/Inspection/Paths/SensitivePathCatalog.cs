namespace McpVanguard.Inspection.Paths;

/// <summary>The sensitive locations, as data: credentials, keys, account databases, browser secrets, start-up and cron files.</summary>
internal static class SensitivePathCatalog
{
    private const FindingAction Block = FindingAction.Block;

    public static readonly SensitiveLocation[] Locations =
    [
        new("PATH-010", "SSH private keys and config", "MCP-08",
            ["**/.ssh", "**/.ssh/id_*", "**/.ssh/*_rsa", "/etc/ssh/ssh_host_*_key", "**/.ssh/*_ed25519", "**/.ssh/*_ecdsa", "**/.ssh/config", "**/.ssh/authorized_keys*"], Block, Block, ["*.pub"]),
        new("PATH-011", "SSH known hosts", "MCP-08", ["**/.ssh/known_hosts*"], FindingAction.Warn, Block) { ReadSeverity = Severity.Medium },
        new("PATH-012", "cloud and cluster credentials", "MCP-08",
            ["**/.aws", "**/.aws/**", "**/.config/gcloud", "**/.config/gcloud/**", "**/.azure", "**/.azure/**", "**/.kube", "**/.kube/config", "**/.docker/config.json", "**/.oci/**", "**/.config/doctl/**"], Block, Block),
        new("PATH-013", "credential stores", "MCP-08",
            ["**/.netrc", "**/_netrc", "**/.pgpass", "**/.git-credentials", "**/.npmrc", "**/.pypirc", "**/.my.cnf", "**/.vault-token", "**/.config/gh/hosts.yml",
             "**/.terraform.d/credentials.tfrc.json", "**/.terraformrc", "**/.cargo/credentials", "**/.cargo/credentials.toml", "**/.gem/credentials",
             "**/.config/hub", "**/.m2/settings.xml", "**/.gradle/gradle.properties", "**/.nuget/nuget/nuget.config", "**/.composer/auth.json",
             "**/.config/composer/auth.json", "**/.dockercfg", "**/.s3cfg", "**/.boto", "**/.config/rclone/rclone.conf"], Block, Block),
        new("PATH-014", "GPG keyring", "MCP-08", ["**/.gnupg", "**/.gnupg/**"], Block, Block),
        new("PATH-015", "browser profile secrets", "MCP-08",
            ["**/login data", "**/login data for account", "**/key3.db", "**/key4.db", "**/logins.json", "**/cookies.sqlite", "**/google/chrome/user data/**",
             "**/.config/google-chrome/**", "**/.config/chromium/**", "**/application support/google/chrome/**", "**/microsoft/edge/user data/**", "**/.mozilla/firefox/**"], Block, Block),
        new("PATH-016", "system account and sudo files", "MCP-08",
            ["/etc/shadow", "/etc/gshadow", "/etc/passwd", "/etc/master.passwd", "/etc/sudoers", "/etc/sudoers.d/**", "/etc/security/opasswd"], Block, Block)
            { WriteCategory = "MCP-05" },
        new("PATH-017", "Windows registry hives", "MCP-08",
            ["**/system32/config/sam", "**/system32/config/system", "**/system32/config/security", "**/repair/sam"], Block, Block),
        new("PATH-018", "process memory and environment", "MCP-08", ["/proc/*/environ", "/proc/*/mem", "/proc/kcore", "/proc/*/task/*/environ"], Block, Block),
        new("PATH-019", "agent configuration", "MCP-08",
            ["**/claude_desktop_config.json", "**/.cursor/mcp.json", "**/.vscode/mcp.json", "**/.claude.json", "**/.claude/settings.json", "**/.codeium/windsurf/mcp_config.json"], Block, Block)
            { WriteCategory = "MCP-10" },
        new("PATH-020", "environment files", "MCP-08", ["**/.env", "**/.env.*"], Block, Block,
            [".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults", ".env.schema"]),
        new("PATH-021", "private key files", "MCP-08",
            // A bare *.pem is as often a public certificate chain as a key: only key-named PEM files count.
            ["**/*key*.pem", "**/*private*.pem", "**/privkey*.pem", "/etc/ssl/private/**", "**/*.key", "**/*.p12", "**/*.pfx", "**/*.ppk", "**/*.jks", "**/*.keystore", "**/id_rsa", "**/id_dsa", "**/id_ecdsa", "**/id_ed25519"], Block, Block),
        new("PATH-022", "shell start-up files", "MCP-22",
            ["**/.bashrc", "**/.bash_profile", "**/.bash_login", "**/.profile", "**/.zshrc", "**/.zprofile", "**/.zshenv", "/etc/profile", "/etc/profile.d/**", "/etc/bash.bashrc", "/etc/environment"],
            null, Block) { WriteSeverity = Severity.High },
        new("PATH-023", "cron tables", "MCP-22", ["/etc/cron*", "/etc/cron*/**", "/var/spool/cron/**", "/etc/anacrontab"], FindingAction.Warn, Block)
            { ReadSeverity = Severity.Medium, WriteSeverity = Severity.High },
        new("PATH-025", "password managers and keychains", "MCP-08",
            ["**/*.kdbx", "**/*.kdb", "**/.password-store", "**/.password-store/**", "**/library/keychains/**", "**/.local/share/keyrings/**",
             "**/*1password*/**", "**/bitwarden/**", "**/*bitwarden*/data.json", "**/lastpass/**", "**/dashlane/**", "**/keepassxc/**"], Block, Block),
        new("PATH-024", "shell and REPL history", "MCP-08",
            ["**/.bash_history", "**/.zsh_history", "**/.sh_history", "**/.history", "**/.python_history", "**/.psql_history", "**/.mysql_history",
             "**/.rediscli_history", "**/.node_repl_history", "**/.sqlite_history", "**/consolehost_history.txt", "**/.local/share/fish/fish_history"], Block, Block),
    ];

    /// <summary>The first family <paramref name="path"/> falls in, or null.</summary>
    public static SensitiveLocation? Match(NormalizedPath path)
    {
        var segments = path.Segments;
        if (segments.Count == 0)
        {
            return null;
        }

        // A relative path that climbed above its start may well have reached the root: test anchored patterns too.
        var anchoredOk = path.Root == "/" || path.Climb > 0;
        var fileName = segments[^1];
        foreach (var location in Locations)
        {
            if (location.Excluded is { } excluded && IsExcluded(fileName, excluded))
            {
                continue;
            }

            foreach (var pattern in location.Patterns)
            {
                var anchored = pattern[0] == '/';
                if (anchored && !anchoredOk)
                {
                    continue;
                }

                var patternSegments = pattern.AsSpan(anchored ? 1 : 0);
                if (MatchSegments(patternSegments, segments, 0))
                {
                    return location;
                }
            }
        }

        return null;
    }

    private static bool IsExcluded(string fileName, string[] excluded)
    {
        foreach (var e in excluded)
        {
            if (e.StartsWith('*') ? fileName.EndsWith(e[1..], StringComparison.Ordinal) : fileName == e)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchSegments(ReadOnlySpan<char> pattern, List<string> segments, int index)
    {
        if (pattern.IsEmpty)
        {
            return index == segments.Count;
        }

        var slash = pattern.IndexOf('/');
        var head = slash < 0 ? pattern : pattern[..slash];
        var tail = slash < 0 ? [] : pattern[(slash + 1)..];
        if (head is "**")
        {
            for (var i = index; i <= segments.Count; i++)
            {
                if (MatchSegments(tail, segments, i))
                {
                    return true;
                }
            }

            return false;
        }

        return index < segments.Count && Rules.Glob.Match(head, segments[index], foldCase: false) && MatchSegments(tail, segments, index + 1);
    }
}
