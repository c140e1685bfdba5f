using System.Buffers;

namespace McpVanguard.Inspection.Paths;

/// <summary>The sensitive locations, as data: credentials, keys, account databases, browser secrets, start-up and cron files.</summary>
internal static class SensitivePathCatalog
{
    private const FindingAction Block = FindingAction.Block;

    /// <summary>
    /// The families, in match order: the first family a path falls in decides, so specific families come before the broad
    /// system-directory family at the end (<c>/etc/shadow</c> is an account database, <c>/etc/hosts</c> only a system file).
    /// </summary>
    public static readonly SensitiveLocation[] Locations =
    [
        new("PATH-010", "SSH private keys and config", "MCP-08",
            ["**/.ssh", "**/.ssh/id_*", "**/.ssh/*_rsa", "**/ssh_host_*key", "**/.ssh/*_ed25519", "**/.ssh/*_ecdsa", "**/.ssh/identity", "**/.ssh/config",
             "/etc/ssh"], Block, Block, ["*.pub"]),
        new("PATH-011", "SSH known hosts", "MCP-08", ["**/.ssh/known_hosts*"], FindingAction.Warn, Block) { ReadSeverity = Severity.Medium },

        // Reading the list of keys allowed to log in reveals nothing secret; adding a key to it is a back door.
        new("PATH-030", "SSH authorized keys", "MCP-22", ["**/.ssh/authorized_keys*"], null, Block),
        new("PATH-012", "cloud and cluster credentials", "MCP-08",
            ["**/.aws", "**/.aws/**", "**/.config/gcloud", "**/.config/gcloud/**", "**/appdata/roaming/gcloud", "**/appdata/roaming/gcloud/**", "**/.azure", "**/.azure/**", "**/.kube", "**/.kube/config", "**/.docker",
             "**/.docker/config.json", "**/.oci/**", "**/.config/doctl/**",
             // Secrets mounted into containers: Kubernetes service-account tokens (also EKS/Azure workload identity), Docker and Compose secrets.
             "/run/secrets", "/run/secrets/**", "/var/run/secrets", "/var/run/secrets/**",
             "/etc/kubernetes/admin.conf", "/etc/kubernetes/super-admin.conf", "/etc/kubernetes/kubelet.conf", "/etc/kubernetes/controller-manager.conf",
             "/etc/kubernetes/scheduler.conf", "/etc/kubernetes/pki/**", "/var/lib/kubelet/pki/**", "/var/lib/kubelet/kubeconfig",
             // The same secrets seen from the node: every pod's secret and projected (service-account token) volumes, and the
             // secrets Docker mounts into a container, live in plain files under the runtime's own directory.
             "/var/lib/kubelet/pods/*/volumes/kubernetes.io~secret/**", "/var/lib/kubelet/pods/*/volumes/kubernetes.io~projected/**",
             "/var/lib/docker/containers/*/mounts/secrets/**",
             // Lightweight distributions keep an admin kubeconfig and join tokens of their own.
             "/etc/rancher/k3s/k3s.yaml", "/etc/rancher/rke2/rke2.yaml", "/var/lib/rancher/*/server/token", "/var/lib/rancher/*/server/node-token",
             "/var/lib/rancher/*/server/tls/**", "/var/lib/rancher/*/server/cred/**", "/var/snap/microk8s/*/credentials/**", "/var/lib/k0s/pki/**",
             "**/.talos/config", "**/.config/hcloud/cli.toml", "**/.config/linode-cli", "**/.config/scw/config.yaml", "**/.aliyun/config.json",
             "**/.fly/config.yml", "**/.config/netlify/config.json", "**/.netlify/config.json", "**/com.vercel.cli/auth.json", "**/.wrangler/config/*.toml",
             "**/.config/configstore/firebase-tools.json", "**/.pulumi/credentials.json", "**/.supabase/access-token", "**/.railway/config.json",
             "**/.databrickscfg", "**/.snowflake/connections.toml", "**/.snowsql/config", "**/.dbt/profiles.yml"], Block, Block),
        new("PATH-013", "credential stores", "MCP-08",
            ["**/.netrc", "**/_netrc", "**/.pgpass", "**/.git-credentials", "**/.npmrc", "**/.pypirc", "**/.my.cnf", "**/.vault-token", "**/.config/gh", "**/.config/gh/hosts.yml", "**/appdata/roaming/github cli/hosts.yml",
             "**/.terraform.d/credentials.tfrc.json", "**/.terraformrc", "**/.cargo/credentials", "**/.cargo/credentials.toml", "**/.gem/credentials",
             "**/.config/hub", "**/.m2/settings.xml", "**/.gradle/gradle.properties", "**/.nuget/nuget/nuget.config", "**/.composer/auth.json",
             "**/.config/composer/auth.json", "**/.dockercfg", "**/.s3cfg", "**/.boto", "**/.config/rclone/rclone.conf", "**/.mylogin.cnf", "**/.htpasswd",
             "**/.doppler/.doppler.yaml", "**/.config/stripe/config.toml", "**/.config/glab-cli/config.yml", "**/ngrok.yml", "**/.twilio-cli/config.json",
             "**/*.keytab", "**/.config/op/config",
             // Service credentials on a server: MySQL's maintenance account, VPN and PPP secrets, Wi-Fi keys, mail relay passwords,
             // Samba's and GitLab's secrets, Jenkins' master key and stored credentials.
             "/etc/mysql/debian.cnf", "/etc/ppp/chap-secrets", "/etc/ppp/pap-secrets", "/etc/ipsec.secrets", "/etc/strongswan/ipsec.secrets",
             "/etc/wireguard/**", "/etc/networkmanager/system-connections/**", "/etc/postfix/sasl_passwd", "/etc/postfix/sasl_passwd.db",
             "/etc/exim4/passwd.client", "/etc/samba/smbpasswd", "/var/lib/samba/private/**", "/etc/ldap.secret", "/etc/pam_ldap.secret",
             "/etc/gitlab/gitlab-secrets.json", "/etc/gitlab/initial_root_password", "/etc/letsencrypt/accounts/**", "**/jenkins*/secrets/**",
             "**/jenkins*/credentials.xml", "/var/lib/docker/swarm/certificates/**"], Block, Block),

        // Only the secret half of a keyring: gpg.conf and the public keyring are harmless to read.
        new("PATH-014", "GPG private keys", "MCP-08",
            ["**/.gnupg", "**/.gnupg/private-keys-v1.d", "**/.gnupg/private-keys-v1.d/**", "**/.gnupg/secring.gpg", "**/.gnupg/openpgp-revocs.d/**"], Block, Block),
        new("PATH-015", "browser profile secrets", "MCP-08",
            ["**/login data", "**/login data for account", "**/web data", "**/key3.db", "**/key4.db", "**/logins.json", "**/cookies.sqlite", "**/cert9.db",
             "**/google/chrome/user data/**", "**/.config/google-chrome/**", "**/.config/chromium/**", "**/application support/google/chrome/**",
             "**/microsoft/edge/user data/**", "**/.mozilla/firefox/**", "**/brave-browser/**", "**/opera software/**/cookies", "**/chromium/**/cookies"], Block, Block),
        new("PATH-016", "system account and sudo files", "MCP-08",
            // Account databases anywhere under an etc/ (a mounted host root, a backup copy), sudo configuration at the root only.
            ["**/etc/shadow", "**/etc/gshadow", "**/etc/passwd", "**/etc/master.passwd", "**/etc/shadow-", "**/etc/gshadow-", "**/etc/passwd-",
             "**/etc/shadow.bak", "**/etc/passwd.bak", "**/etc/gshadow.bak", "/etc/sudoers", "/etc/sudoers.d/**", "/etc/security/opasswd"], Block, Block)
            { WriteCategory = "MCP-05" },
        new("PATH-017", "Windows registry hives", "MCP-08",
            ["**/system32/config/sam", "**/system32/config/system", "**/system32/config/security", "**/system32/config/sam.*", "**/system32/config/system.sav",
             "**/system32/config/system.bak", "**/system32/config/security.*", "**/repair/sam", "**/repair/system", "**/repair/security"], Block, Block),
        new("PATH-026", "Windows credential vaults and unattended-install secrets", "MCP-08",
            ["**/appdata/roaming/microsoft/credentials", "**/appdata/roaming/microsoft/credentials/**", "**/appdata/local/microsoft/credentials",
             "**/appdata/local/microsoft/credentials/**", "**/appdata/roaming/microsoft/protect", "**/appdata/roaming/microsoft/protect/**",
             "**/appdata/local/microsoft/vault", "**/appdata/local/microsoft/vault/**", "**/appdata/roaming/microsoft/vault/**", "**/ntds.dit",
             "**/unattend.xml", "**/autounattend.xml", "**/sysprep/sysprep.xml", "**/sysprep/sysprep.inf"], Block, Block),
        new("PATH-018", "process memory and environment", "MCP-08",
            ["/proc/*/environ", "/proc/*/mem", "/proc/kcore", "/proc/*/task/*/environ", "/proc/*/task/*/mem"], Block, Block),
        new("PATH-019", "agent configuration", "MCP-08",
            ["**/claude_desktop_config.json", "**/.cursor/mcp.json", "**/.vscode/mcp.json", "**/.claude.json",
             "**/.codeium/windsurf/mcp_config.json", "**/.roo/mcp.json", "**/.windsurf/mcp.json", "**/.kiro/settings/mcp.json", "**/.mcp.json"], Block, Block)
            { WriteCategory = "MCP-10" },
        // An agent's settings (permissions, hooks, model, theme) are read every day to see why the agent behaves as it does; written,
        // they run hooks and add servers. The MCP server lists above carry the servers' tokens in their env blocks: reading those blocks.
        new("PATH-032", "agent settings", "MCP-08",
            ["**/.claude/settings.json", "**/.claude/settings.local.json", "**/.gemini/settings.json", "**/.qwen/settings.json", "**/.codex/config.toml"],
            FindingAction.Warn, Block) { ReadSeverity = Severity.Medium, WriteCategory = "MCP-10" },
        // What AI coding agents and IDE assistants sign in with: OAuth and API tokens in plain files, per CLI and per OS
        // (macOS keeps some in the keychain, which PATH-025 covers). Their MCP and settings files are PATH-019.
        new("PATH-031", "AI agent and assistant credentials", "MCP-08",
            ["**/.claude/.credentials.json", "**/.credentials.json", "**/.codex/auth.json", "**/.gemini/oauth_creds.json", "**/.gemini/google_accounts.json",
             "**/.gemini/mcp-oauth-tokens*.json", "**/.qwen/oauth_creds.json", "**/oauth_creds.json", "**/github-copilot/apps.json", "**/github-copilot/hosts.json",
             "**/.copilot/config.json", "**/cursor/user/globalstorage/state.vscdb*",
             // Every VS Code build's extension secret store (Code, Insiders, VSCodium, forks) and the Copilot extensions' sign-in files there.
             "**/user/globalstorage/state.vscdb*", "**/globalstorage/github.copilot*/hosts.json", "**/globalstorage/github.copilot*/apps.json", "**/cursor/auth.json", "**/.cursor/cli-config.json",
             "**/windsurf/user/globalstorage/state.vscdb*", "**/.codeium/config.json", "**/.aider/oauth-keys.env", "**/.aider.conf.yml",
             "**/.continue/config.json", "**/.continue/config.yaml", "**/amazon-q/data.sqlite3", "**/opencode/auth.json", "**/goose/secrets.yaml",
             "**/io.datasette.llm/keys.json", "**/.config/openai/auth.json", "**/.openai/auth.json"], Block, Block),
        // A template of any environment (.env.local.example, .env.production.sample) holds names, not values.
        new("PATH-020", "environment files", "MCP-08", ["**/.env", "**/.env.*"], Block, Block,
            ["*.example", "*.sample", "*.template", "*.dist", "*.defaults", "*.schema", "*.tmpl", "*.tpl"]),
        new("PATH-021", "private key files", "MCP-08",
            // A bare *.pem is as often a public certificate chain as a key: only key-named PEM files count.
            ["**/*key*.pem", "**/*private*.pem", "**/privkey*.pem", "/etc/ssl/private/**", "**/*.key", "**/*.p12", "**/*.pfx", "**/*.p8", "**/*.ppk", "**/*.jks",
             "**/*.keystore", "**/id_rsa", "**/id_dsa", "**/id_ecdsa", "**/id_ed25519", "**/id_ecdsa_sk", "**/id_ed25519_sk", "**/id_xmss"], Block, Block),
        new("PATH-022", "shell start-up files", "MCP-22",
            ["**/.bashrc", "**/.bash_profile", "**/.bash_login", "**/.bash_logout", "**/.profile", "**/.zshrc", "**/.zprofile", "**/.zshenv", "**/.zlogin",
             "**/.config/fish/config.fish", "**/.xinitrc", "**/.xprofile", "**/.ssh/rc", "**/*powershell*/*profile.ps1",
             "/etc/profile", "/etc/profile.d/**", "/etc/bash.bashrc", "/etc/environment"],
            null, Block) { WriteSeverity = Severity.High },
        new("PATH-023", "cron tables", "MCP-22", ["/etc/cron*", "/etc/cron*/**", "/var/spool/cron/**", "/etc/anacrontab"], FindingAction.Warn, Block)
            { ReadSeverity = Severity.Medium, WriteSeverity = Severity.High },

        // Places the system runs on its own later: services, launch agents, autostart folders, the loader's preload list, git hooks.
        new("PATH-029", "services, autostart entries and hooks run later", "MCP-22",
            ["/etc/systemd/system/**", "/usr/lib/systemd/system/**", "**/.config/systemd/user/**", "/etc/init.d/**", "/etc/rc.local", "/etc/ld.so.preload",
             "/etc/update-motd.d/**", "**/.config/autostart/**", "**/library/launchagents/**", "**/library/launchdaemons/**",
             "**/start menu/programs/startup/**", "**/.git/hooks/*"], null, Block, ["*.sample"]) { WriteSeverity = Severity.High },
        new("PATH-025", "password managers and keychains", "MCP-08",
            ["**/*.kdbx", "**/*.kdb", "**/.password-store", "**/.password-store/**", "**/library/keychains/**", "**/.local/share/keyrings/**",
             "**/*1password*/**", "**/bitwarden/**", "**/*bitwarden*/data.json", "**/lastpass/**", "**/dashlane/**", "**/keepassxc/**"], Block, Block),

        // Every ".<program>_history" file; PowerShell's PSReadLine keeps one per host (ConsoleHost_history.txt, …).
        new("PATH-024", "shell and REPL history", "MCP-08",
            ["**/.*_history", "**/.history", "**/.zhistory", "**/.histfile", "**/.lesshst", "**/.dbshell", "**/*host_history.txt", "**/fish/fish_history",
             "**/.ipython/profile_*/history.sqlite", "**/.mongodb/mongosh/*_history"], Block, Block),
        new("PATH-027", "Terraform state", "MCP-08", ["**/*.tfstate", "**/*.tfstate.backup"], FindingAction.Warn, FindingAction.Warn)
            { ReadSeverity = Severity.Medium, WriteSeverity = Severity.Medium },

        // Last: any other write into the system's binaries, boot files or configuration is tampering with the host.
        new("PATH-028", "system directories", "MCP-07",
            ["/bin/**", "/sbin/**", "/boot/**", "/lib/**", "/lib64/**", "/etc/**", "/usr/bin/**", "/usr/sbin/**", "/usr/lib/**", "/usr/lib64/**", "/usr/libexec/**",
             "/usr/local/bin/**", "/usr/local/sbin/**", "?:/windows/**"], null, Block) { WriteSeverity = Severity.High },
    ];

    private static readonly SensitivePathIndex Index = new(Locations);

    /// <summary>
    /// The first family <paramref name="path"/> falls in, or null. An editor's or backup copy of a file that is sensitive to
    /// read (<c>/etc/shadow~</c>, <c>.id_rsa.swp</c>, <c>credentials.bak</c>) falls in the original's family; a copy of a file
    /// that is only dangerous to write (a start-up file, a hook) is not run by anything and is judged as itself.
    /// </summary>
    public static SensitiveLocation? Match(NormalizedPath path)
    {
        var segments = path.Segments;
        if (segments.Count == 0)
        {
            return null;
        }

        // A relative path that climbed above its start may well have reached the root: test anchored patterns too.
        var anchoredOk = path.Root == "/" || path.Climb > 0;
        var driveOk = path.Root.Length == 2 && path.Root[1] == ':' || path.Climb > 0;
        var location = Index.Match(segments, anchoredOk, driveOk);
        if (!BackupFileName.TryOriginal(segments[^1], out var original, out var alternate))
        {
            return location;
        }

        // A copy of an excluded look-alike is excluded too: id_rsa.pub.bak is still a public key.
        if (location?.Excluded is { } excluded && SensitivePathIndex.IsExcluded(original, excluded))
        {
            location = null;
        }

        var copy = new List<string>(segments);
        foreach (var name in (ReadOnlySpan<string?>)[original, alternate])
        {
            if (name is null || name.Length == 0)
            {
                continue;
            }

            copy[^1] = name;
            if (Index.Match(copy, anchoredOk, driveOk) is { Read: not null } of && (location is null || Order(of) < Order(location)))
            {
                location = of;
            }
        }

        return location;
    }

    private static int Order(SensitiveLocation location) => Array.IndexOf(Locations, location);

    /// <summary>Longest text scanned for mentions; a description longer than this is judged on its start.</summary>
    private const int MaxMentionText = 64 * 1024;

    /// <summary>Most mentions reported for one text: enough to judge it, bounded whatever the text holds.</summary>
    private const int MaxMentions = 16;

    /// <summary>Characters that end a path-like word in prose or a command line: quotes, brackets, list and shell separators, <c>=</c> and <c>@</c> of options (<c>-d @~/.netrc</c>).</summary>
    private static readonly SearchValues<char> WordBreaks = SearchValues.Create(" \t\r\n\"'`()[]{}<>,;|*=&@");

    /// <summary>
    /// The sensitive locations named in free text, in order, with their spans: <c>read ~/.ssh/id_rsa and …</c> names PATH-010.
    /// Each whitespace- or quote-delimited word is read as a path (separators folded, <c>..</c> resolved) and matched against the
    /// catalog, so a mention is judged exactly like a path argument. Only families that are sensitive to read are reported
    /// (keys, credentials, histories; not <c>/etc/hosts</c> or <c>.bashrc</c>, which are dangerous only to write): the caller
    /// decides what a mention means (an instruction to read or send it).
    /// </summary>
    public static List<SensitivePathMention> FindMentions(string text)
    {
        var mentions = new List<SensitivePathMention>();
        var span = text.AsSpan(0, Math.Min(text.Length, MaxMentionText));
        var start = 0;
        while (start < span.Length && mentions.Count < MaxMentions)
        {
            var length = span[start..].IndexOfAny(WordBreaks);
            if (length < 0)
            {
                length = span.Length - start;
            }

            if (length > 0)
            {
                // Prose punctuation after a path ("… ~/.aws/credentials.") is not part of it.
                var word = span.Slice(start, length).TrimEnd(".:!?");
                if (word.Length > 1 && word.Length <= 4096 && word.IndexOfAny(PathMarks) >= 0
                    && Match(NormalizedPath.Parse(word.ToString().Replace('\\', '/').ToLowerInvariant())) is { Read: not null } location)
                {
                    mentions.Add(new SensitivePathMention(location, start, word.Length));
                }
            }

            start += length + 1;
        }

        return mentions;
    }

    /// <summary>A word without any of these (a separator, a dot, an underscore, a home prefix) cannot name a catalogued location.</summary>
    private static readonly SearchValues<char> PathMarks = SearchValues.Create("/\\._~%$");
}
