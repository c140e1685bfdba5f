using System.Text.Json;
using McpVanguard.Inspection.Exfiltration;
using McpVanguard.Policy;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// Turns one message into the step L3 remembers: what a request does (reads, lists a further page, writes, deletes,
/// runs code, can send data out) and what a result carried (a secret, content aimed at the model, a large payload).
/// It reuses what earlier layers found (sensitive paths, secrets, output injection) instead of judging those again.
/// </summary>
internal static class BehaviourStepClassifier
{
    /// <summary>Longest step id kept: an id is the sender's text, so only a prefix goes into a reason.</summary>
    private const int MaxStepId = 24;

    /// <summary>Longest argument text digested for a loop signature; a huge argument is still one call.</summary>
    private const int MaxSignatureBytes = 64 * 1024;

    /// <summary>Arguments that ask for a later page of a listing.</summary>
    private static readonly HashSet<string> PageKeys =
        ["cursor", "page", "page_token", "pagetoken", "next", "next_token", "nexttoken", "offset", "start", "skip", "after", "continuation", "continuation_token", "page_number"];

    /// <summary>Places other people or machines read from: a write there is a way out (the classic staging spots, shares, buckets).</summary>
    private static readonly string[] SharedPrefixes = ["/tmp/", "/var/tmp/", "/dev/shm/", "/mnt/", "/media/", "/volumes/", "//", "s3:", "gs:", "az:", "smb:", "ftp:", "sftp:", "scp:", "http:", "https:", "webdav"];

    private static readonly string[] SharedParts = ["/dropbox/", "/onedrive", "/google drive/", "/icloud", "/public/", "/shared/", "/share/", "/nextcloud/"];

    /// <summary>Commands that delete, by first word of any pipeline stage.</summary>
    private static readonly HashSet<string> DeleteCommands = ["rm", "rmdir", "shred", "unlink", "del", "erase", "rd", "remove-item", "ri", "srm", "wipe"];

    /// <summary>The step a request makes, or null when it is none (initialize, a first page of a list, a notification).</summary>
    public static BehaviourEvent? OfRequest(InspectionContext context, List<Finding> findings, long now)
    {
        var message = context.Message;
        if (!message.IsRequest || message.Method is not { } method)
        {
            return null;
        }

        var stepId = StepId(message.Id.ToString());
        var p = message.Params is { ValueKind: JsonValueKind.Object } o ? o : default;
        switch (method)
        {
            case "tools/call":
                return OfToolCall(context, findings, now, stepId, p);
            case "resources/read":
                var uri = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() ?? string.Empty : string.Empty;
                var (target, group, stem) = Path(uri.ToLowerInvariant());
                return new BehaviourEvent(now, stepId, method, null, context.ServerId, BehaviourKind.Read | (stem != 0 ? BehaviourKind.Numbered : 0), target, group, stem, StableHash.Of(method, null, System.Text.Encoding.UTF8.GetBytes(uri)));
            case "tools/list" or "resources/list" or "prompts/list" or "resources/templates/list":
                // A first page is everyday; later pages are what a listing sweep is made of.
                return p.ValueKind == JsonValueKind.Object && p.TryGetProperty("cursor", out var c) && c.ValueKind == JsonValueKind.String
                    ? new BehaviourEvent(now, stepId, method, null, context.ServerId, BehaviourKind.ListPage, Signature: StableHash.Of(method, c.GetString(), default))
                    : null;
            default:
                return null;
        }
    }

    private static BehaviourEvent OfToolCall(InspectionContext context, List<Finding> findings, long now, string stepId, JsonElement p)
    {
        var tool = context.ToolName;
        var arguments = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("arguments", out var a) ? a : default;
        var kind = BehaviourKind.None;
        var delete = ToolNameWords.IsDelete(tool);
        var write = !delete && ArgumentRoles.IsWriteTool(tool);
        var exec = ArgumentRoles.IsExecTool(tool);
        kind |= delete ? BehaviourKind.Delete : write ? BehaviourKind.Write : 0;
        if (ToolNameWords.IsEgress(tool))
        {
            kind |= BehaviourKind.Egress;
        }

        string? pathTarget = null;
        foreach (var s in context.Strings.Items)
        {
            var role = ArgumentRoles.Classify(s, tool);
            if ((role & ArgumentRole.Command) != 0 || exec && ArgumentRoles.IsCandidateCommand(s.Key, s.Raw))
            {
                kind |= BehaviourKind.Exec;
                if (SensitiveEgressInspector.HasEgress(s.Canonical))
                {
                    kind |= BehaviourKind.Egress;
                }

                if (DeletesFiles(s.Canonical))
                {
                    kind |= BehaviourKind.Delete;
                }
            }
            else if ((role & (ArgumentRole.Path | ArgumentRole.Url)) != 0)
            {
                pathTarget ??= s.Canonical;
                if ((write || delete) && IsShared(s.Canonical) || (role & ArgumentRole.Url) != 0 && (s.Canonical.StartsWith("http:", StringComparison.Ordinal) || s.Canonical.StartsWith("https:", StringComparison.Ordinal)))
                {
                    // A write to a shared place, or any call carrying a web address, can move data out.
                    kind |= BehaviourKind.Egress;
                }
            }
        }

        var argumentBytes = arguments.ValueKind == JsonValueKind.Undefined ? default : Bounded(arguments);
        ulong target = 0, group = 0, stem = 0;
        if (!write && !delete && (ToolNameWords.IsRead(tool) || pathTarget is not null && !exec && (kind & BehaviourKind.Egress) == 0))
        {
            kind |= BehaviourKind.Read;
            (target, group, stem) = pathTarget is not null ? Path(pathTarget) : Record(tool, argumentBytes);
            if (stem != 0)
            {
                kind |= BehaviourKind.Numbered;
            }
        }

        if (ToolNameWords.IsList(tool) && AsksForLaterPage(arguments))
        {
            kind |= BehaviourKind.ListPage;
        }

        if (!write && !delete && ReadsSensitive(context.Profile, findings))
        {
            kind |= BehaviourKind.SensitiveRead;
        }

        return new BehaviourEvent(now, stepId, "tools/call", tool, context.ServerId, kind, target, group, stem, StableHash.Of("tools/call", tool, argumentBytes));
    }

    /// <summary>The step a result makes: null unless it carried a secret, flagged content or a large payload.</summary>
    /// <param name="highVolume">What this server returned to the session (a decaying sum) has reached the high-volume size.</param>
    public static BehaviourEvent? OfResult(InspectionContext context, List<Finding> findings, long now, bool highVolume)
    {
        var kind = BehaviourKind.None;
        foreach (var f in findings)
        {
            switch (f.Category)
            {
                case "MCP-13":
                    kind |= BehaviourKind.SecretResult;
                    break;
                case "MCP-19" or "MCP-24":
                    kind |= f.Severity >= Severity.High ? BehaviourKind.UntrustedContent : BehaviourKind.UntrustedWeak;
                    break;
            }
        }

        if (highVolume)
        {
            kind |= BehaviourKind.HighVolumeResult;
        }

        return kind == BehaviourKind.None
            ? null
            : new BehaviourEvent(now, StepId(context.Message.Id.ToString()), context.RequestMethod ?? "response", context.RequestTool, context.ServerId, kind);
    }

    /// <summary>Items a result returned: content blocks, resource contents, list entries, prompt messages.</summary>
    public static int Items(InspectionContext context)
    {
        if (!context.Message.Root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        var items = 0;
        foreach (var property in result.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array && property.Name is "content" or "contents" or "resources" or "tools" or "prompts" or "resourceTemplates" or "messages")
            {
                items += property.Value.GetArrayLength();
            }
        }

        return items;
    }

    /// <summary>
    /// True when an earlier layer found a sensitive location in a read that goes through: under monitor every read goes
    /// through; otherwise only one no finding blocks (a blocked read moved no data, so it arms nothing).
    /// </summary>
    private static bool ReadsSensitive(Profile profile, List<Finding> findings)
    {
        var sensitive = false;
        foreach (var f in findings)
        {
            if (f.Action == FindingAction.Block && profile != Profile.Monitor)
            {
                return false;
            }

            sensitive |= f.Category == "MCP-08" && f.RuleId != "PATH-001";
        }

        return sensitive;
    }

    private static bool AsksForLaterPage(JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in arguments.EnumerateObject())
        {
            if (!PageKeys.Contains(property.Name.ToLowerInvariant()))
            {
                continue;
            }

            // Page 1, offset 0 and an empty cursor are a first page.
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String when property.Value.GetString() is { Length: > 0 } v && v is not "0" and not "1":
                case JsonValueKind.Number when property.Value.TryGetDouble(out var n) && n > 1:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Digests of a path or URI: itself, its directory, and its directory with the name's numbers folded (0 unless the name has digits).</summary>
    private static (ulong Target, ulong Group, ulong Stem) Path(string canonical)
    {
        var trimmed = canonical.AsSpan().TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        var directory = slash < 0 ? ReadOnlySpan<char>.Empty : trimmed[..slash];
        var name = slash < 0 ? trimmed : trimmed[(slash + 1)..];
        var target = StableHash.Of(trimmed);
        var group = StableHash.Of(directory, StableHash.Of("dir"));
        return (target, group, name.IndexOfAnyInRange('0', '9') < 0 ? 0 : StableHash.Of(FoldDigits(name), group));
    }

    /// <summary>A read without a path (<c>get_customer {"id": 17}</c>): the record is the arguments, its siblings share the tool.</summary>
    private static (ulong Target, ulong Group, ulong Stem) Record(string? tool, ReadOnlySpan<byte> arguments)
    {
        var text = System.Text.Encoding.UTF8.GetString(arguments);
        var group = StableHash.Of(tool ?? string.Empty, StableHash.Of("tool"));
        return (StableHash.Of(text, group), group, text.AsSpan().IndexOfAnyInRange('0', '9') < 0 ? 0 : StableHash.Of(FoldDigits(text), group));
    }

    /// <summary>Every run of digits becomes one <c>#</c>: <c>customer_0042.json</c> and <c>customer_7.json</c> are siblings.</summary>
    private static string FoldDigits(ReadOnlySpan<char> text)
    {
        var folded = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                if (i == 0 || !char.IsAsciiDigit(text[i - 1]))
                {
                    folded.Append('#');
                }
            }
            else
            {
                folded.Append(text[i]);
            }
        }

        return folded.ToString();
    }

    private static ReadOnlySpan<byte> Bounded(JsonElement arguments)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(arguments);
        return raw.Length > MaxSignatureBytes ? raw[..MaxSignatureBytes] : raw;
    }

    private static bool IsShared(string canonical)
    {
        foreach (var prefix in SharedPrefixes)
        {
            if (canonical.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var part in SharedParts)
        {
            if (canonical.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a command of the line deletes files, read with the shell analyser's tokenizer and its idea of the command
    /// actually run: <c>rm -rf build</c>, <c>x &amp;&amp; del y</c>, <c>/bin/rm</c>, <c>RM.exe</c>, <c>env A=1 rm</c>, <c>sudo rm</c>,
    /// <c>busybox rm</c>, <c>xargs rm</c>, <c>find … -delete</c> or <c>-exec rm</c>, and the same inside <c>$(…)</c>.
    /// </summary>
    private static bool DeletesFiles(string command)
    {
        // A delete is a command of its own; past the first 64 KB a command is a payload, not a script to read.
        return Deletes(Shell.ShellTokenizer.Parse(command.Length > MaxSignatureBytes ? command[..MaxSignatureBytes] : command));
    }

    private static bool Deletes(Shell.ShellScript script)
    {
        foreach (var pipeline in script.Pipelines)
        {
            foreach (var command in pipeline.Commands)
            {
                if (Deletes(command.Words))
                {
                    return true;
                }

                foreach (var sub in command.Substitutions)
                {
                    if (Deletes(sub))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Deletes(List<string> words)
    {
        // Each pass peels one launcher that runs the next word as a command (busybox rm, xargs -0 rm, a wrapper after them).
        for (var pass = 0; pass < 4; pass++)
        {
            var k = Shell.ShellVocabulary.FindCommand(words, out _);
            if (k >= words.Count)
            {
                return false;
            }

            var name = Shell.ShellVocabulary.NameOf(words[k]);
            if (DeleteCommands.Contains(name))
            {
                return true;
            }

            if (name == "find")
            {
                return FindDeletes(words, k);
            }

            if (name is not ("busybox" or "xargs"))
            {
                return false;
            }

            // The launcher's own options go (xargs -0 -n 1 rm); what is left starts with the command it runs.
            var next = k + 1;
            while (next < words.Count && words[next].StartsWith('-'))
            {
                next += words[next] is "-n" or "-P" or "-I" or "-L" or "-d" or "-s" or "-E" && next + 1 < words.Count ? 2 : 1;
            }

            words = words[next..];
        }

        return false;
    }

    /// <summary><c>find … -delete</c>, or <c>-exec</c>/<c>-execdir</c>/<c>-ok</c> running a delete command.</summary>
    private static bool FindDeletes(List<string> words, int k)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            if (words[i] == "-delete")
            {
                return true;
            }

            if (words[i] is "-exec" or "-execdir" or "-ok" or "-okdir" && i + 1 < words.Count && Deletes(words[(i + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    private static string StepId(string id) => id.Length <= MaxStepId ? id : id[..MaxStepId] + "…";
}
