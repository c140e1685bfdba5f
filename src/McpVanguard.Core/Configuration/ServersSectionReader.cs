using McpVanguard.Transports.Stdio;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Configuration;

/// <summary>
/// Binds the <c>servers:</c> section (a list of <c>{id, command | url, headers?, env?, share?, pool_size?, manifest*?}</c>) at load,
/// for every command.
/// Every error of every entry is collected, each naming file:line:column.
/// </summary>
public static class ServersSectionReader
{
    private static readonly string[] Keys = ["id", "command", "url", "headers", "env", "share", "pool_size", "manifest", "manifest_key", "manifest_identity", "manifest_issuer"];

    /// <summary>The children a shared server gets when <c>pool_size</c> is not given.</summary>
    public const int DefaultSharePoolSize = 1;

    /// <summary>
    /// Each shared child is a process; more than this is not sharing any more (use per-session children) and would let
    /// one config line start an unbounded number of processes.
    /// </summary>
    public const int MaxSharePoolSize = 64;

    public static IReadOnlyList<ServerEntry> Read(YamlNode node, string file, ConfigurationErrors errors)
    {
        if (node is not YamlSequenceNode list)
        {
            errors.Add(file, node, "'servers' must be a list of {id, command | url} entries.");
            return [];
        }

        var result = new List<ServerEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entry)
            {
                errors.Add(file, item, "each entry of 'servers' must be a mapping with id and command or url.");
                continue;
            }

            if (ReadEntry(entry, file, errors, ids) is { } server)
            {
                result.Add(server);
            }
        }

        return result;
    }

    private static ServerEntry? ReadEntry(YamlMappingNode entry, string file, ConfigurationErrors errors, HashSet<string> ids)
    {
        var before = errors.Count;
        string? id = null, command = null, url = null, manifest = null, manifestKey = null, manifestIdentity = null, manifestIssuer = null;
        bool? share = null;
        int? poolSize = null;
        YamlNode? poolNode = null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in entry.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (key)
            {
                case "id": id = Scalar(file, key, valueNode, errors); break;
                case "command": command = Scalar(file, key, valueNode, errors); break;
                case "url": url = Scalar(file, key, valueNode, errors); break;
                case "headers": ReadMap(file, key, valueNode, headers, errors); break;
                case "env": ReadMap(file, key, valueNode, env, errors); break;
                case "share": share = Boolean(file, valueNode, errors); break;
                case "pool_size": poolNode = valueNode; poolSize = PoolSize(file, valueNode, errors); break;
                case "manifest": manifest = Scalar(file, key, valueNode, errors); break;
                case "manifest_key": manifestKey = Scalar(file, key, valueNode, errors); break;
                case "manifest_identity": manifestIdentity = Scalar(file, key, valueNode, errors); break;
                case "manifest_issuer": manifestIssuer = Scalar(file, key, valueNode, errors); break;
                default:
                    errors.Add(file, keyNode, $"unknown key 'servers.{key}'{KeySuggestion.For(key, Keys)}; expected id, command, url, headers, env, share, pool_size, manifest, manifest_key, manifest_identity or manifest_issuer.");
                    break;
            }
        }

        if (id is null || id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(file, entry, "a server needs an 'id' of 1-64 letters, digits, '-', '_' or '.'; it names the route /mcp/{id}.");
        }
        else if (!ids.Add(id))
        {
            errors.Add(file, entry, $"server id '{id}' is used twice.");
        }

        var name = id ?? "?";
        if ((command is null) == (url is null))
        {
            errors.Add(file, entry, $"server '{name}' needs exactly one of 'command' (a stdio server) or 'url' (a Streamable HTTP server).");
            return null;
        }

        IReadOnlyList<string>? argv = null;
        Uri? uri = null;
        if (command is not null)
        {
            try
            {
                argv = CommandLineSplitter.Split(command);
            }
            catch (FormatException ex)
            {
                errors.Add(file, entry, $"server '{name}': {ex.Message}");
            }

            if (argv is { Count: 0 } || headers.Count > 0)
            {
                errors.Add(file, entry, $"server '{name}': 'command' must not be empty, and 'headers' apply only to a 'url' server.");
            }
        }
        else
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https"))
            {
                // The URL may carry a token in its query or user info; show only its scheme and host.
                errors.Add(file, entry, $"server '{name}': 'url' must be an absolute http(s) URL, got '{SecretMask.Url(url!)}'.");
            }

            if (env.Count > 0)
            {
                errors.Add(file, entry, $"server '{name}': 'env' applies only to a 'command' server.");
            }
        }

        if (share == true && url is not null)
        {
            errors.Add(file, entry, $"server '{name}': 'share' applies only to a 'command' server (a remote server keeps its own sessions).");
        }

        if (poolNode is not null && share != true)
        {
            errors.Add(file, poolNode, $"server '{name}': 'pool_size' needs 'share: true'.");
        }

        if (url is not null && (manifest ?? manifestKey ?? manifestIdentity ?? manifestIssuer) is not null)
        {
            // A manifest describes what vanguard launches; a remote server is launched by someone else.
            errors.Add(file, entry, $"server '{name}': 'manifest' and its keys apply only to a 'command' server.");
        }

        else if (manifest is null && (manifestKey ?? manifestIdentity ?? manifestIssuer) is not null)
        {
            errors.Add(file, entry, $"server '{name}': 'manifest_key', 'manifest_identity' and 'manifest_issuer' say how to check a 'manifest', and none is given.");
        }

        var at = ConfigurationErrors.At(file, entry.Start);
        var signer = TrustSectionReader.Signer(manifestIdentity ?? string.Empty, manifestIssuer ?? string.Empty, $"servers[{name}].manifest_identity", $"servers[{name}].manifest_issuer", _ => at, errors);

        return errors.Count > before
            ? null
            : new ServerEntry(id!, argv, uri, headers, env, ConfigurationErrors.At(file, entry.Start))
            {
                SharePoolSize = share == true ? poolSize ?? DefaultSharePoolSize : 0,
                Manifest = manifest is null && manifestKey is null && signer is null ? null : new ManifestSettings(manifest, manifestKey, signer, at),
            };
    }

    private static string? Scalar(string file, string key, YamlNode node, ConfigurationErrors errors)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        errors.Add(file, node, $"'servers.{key}' must be a non-empty string.");
        return null;
    }

    private static bool? Boolean(string file, YamlNode node, ConfigurationErrors errors)
    {
        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        errors.Add(file, node, "'servers.share' must be true or false.");
        return null;
    }

    private static int? PoolSize(string file, YamlNode node, ConfigurationErrors errors)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
            && size is >= 1 and <= MaxSharePoolSize)
        {
            return size;
        }

        errors.Add(file, node, $"'servers.pool_size' must be a whole number from 1 to {MaxSharePoolSize}.");
        return null;
    }

    private static void ReadMap(string file, string key, YamlNode node, Dictionary<string, string> into, ConfigurationErrors errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(file, node, $"'servers.{key}' must be a mapping of name: value.");
            return;
        }

        foreach (var (name, value) in map.Children)
        {
            if (name is not YamlScalarNode { Value: { Length: > 0 } n } || value is not YamlScalarNode { Value: { } v })
            {
                errors.Add(file, name, $"'servers.{key}' entries must be name: value strings.");
                continue;
            }

            into[n] = v;
        }
    }
}
