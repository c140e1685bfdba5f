using System.Text.Json;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Preflight;
using static McpVanguard.Inspection.Metadata.MetadataInspector;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// A tool's input schema (any depth) with a parameter that asks the model for secrets, credential files, the environment or
/// the conversation (META-007); a chat, memory or LLM tool may ask for the conversation, never for the rest.
/// </summary>
internal static class SecretAskingParameters
{
    /// <summary>Parameter names that attacks use to collect data "on the side".</summary>
    private static readonly HashSet<string> SideChannelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "sidenote", "side_note", "note", "notes", "context", "feedback", "extra", "metadata", "debug", "debug_info", "comment", "comments", "reasoning",
        "remark", "remarks", "details", "info", "annotation", "summary", "data", "additional_context", "additionalcontext", "extra_info", "memo", "hint",
        "thoughts", "analytics", "telemetry", "trace", "session_info",
    };

    /// <summary>
    /// What a chat tool's parameter may not ask for even though it may ask for the conversation: the same, or the
    /// environment in any phrasing. Its own system prompt is an LLM tool's business; the model's is not.
    /// </summary>
    private static readonly LinearPattern BeyondConversationAsk = new(
        @"\b(?:your|its|my|current|hidden|original|complete|full|entire|whole|(?:the\s+)?(?:assistant|agent|model)[’']?s)\s+(?:\w+\s+)?system\s+prompt|\benv\b|environment\s+variables|printenv|\.ssh|id_rsa|\.aws|credentials|~/|\.env\b|\benvironment\b",
        // Culture-invariant like every other analyser pattern (it was the one left to the machine's culture).
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A parameter description asking for a credential file, a secret or the conversation.</summary>
    internal static readonly PrefilteredRegex SecretAsk = new(
        @"\bcontents?\s+of\b.{0,60}(?:\.ssh|id_rsa|id_ed25519|\.env\b|credentials|\.aws|\.npmrc|\.netrc|mcp\.json|config)|~/|\.ssh\b|\bid_(?:rsa|ed25519|ecdsa)\b|(?:^|\s)\.env\b|\.aws/"
        + @"|\b(?:api[\s_-]?keys?|access[\s_-]?tokens?|secret[\s_-]?keys?|private[\s_-]?keys?|passwords?|credentials?|bearer\s+tokens?|session\s+tokens?|environment\s+variables)\b"
        + @"|\b(?:full|entire|complete|whole|all)\s+(?:\w+\s+)?(?:conversation|chat|message)s?\s*(?:history|log|transcript)?|\bprevious\s+messages|\bsystem\s+prompt|\bchat\s+history|\bconversation\s+history",
        System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>
    /// Any parameter's description asking the model for what no parameter needs: the output of <c>env</c>, every
    /// environment variable, a credential file, the system prompt or the conversation. A description that names a
    /// credential the parameter *is* ("Database password") does not ask for anything else.
    /// </summary>
    internal static readonly PrefilteredRegex DataAsk = new(
        @"\b(?:output|result|contents?|dump|listing|text)\s+(?:of|from)\s+(?:the\s+|running\s+|executing\s+|a\s+)?[`'""]?(?:env|printenv|set|export\s+-p|history)\b"
        + @"|[`'""](?:env|printenv)[`'""]\s+(?:command[’']?s?\s+)?(?:output|result)|\bwhat\s+[`'""]?(?:env|printenv)[`'""]?\s+(?:prints|returns|outputs|shows)"
        // A command substitution that dumps the environment or a credential file, as a default or example the model sends on.
        + @"|(?:\$\(|`)\s*(?:printenv|env|set)\s*(?:\)|`)|(?:\$\(|`)\s*(?:cat|head|tail|base64|xxd|od|less|more|type|get-content|gc)\s+[^)`]{0,80}(?:~/\.|\.ssh\b|\.aws/|\.git-credentials|\.npmrc|\.netrc|\.pypirc|\.docker/config|\.kube/config|\bid_(?:rsa|ed25519|ecdsa)|/etc/(?:passwd|shadow)|\.env\b)"
        // The process environment by its API or command name, and credential files named as what to fill in.
        + @"|\bprocess\.env\b|\bos\.environ\b|\bprintenv\b|\bget-childitem\s+env:"
        // An environment dump ordered run and handed over: "Run `export -p` and paste what it prints here", "execute `set`, then include …".
        + @"|\b(?:run|execute|type|enter)\s+[`'""]?(?:env|printenv|set|export(?:\s+-p)?|declare\s+-[px]|(?:gci|dir|ls|get-childitem)\s+env:)[`'""]?\s*,?\s+(?:and|then)\s+(?:\w+\s+)?(?:paste|include|provide|add|put|insert|attach|copy|pass|append|send|give|enter)\b"
        + @"|\bdeclare\s+-[px]\b|\b(?:gci|dir|ls)\s+env:|/proc/(?:self|[0-9]+)/environ"
        + @"|\b(?:output|result|contents?|dump)\s+of\b[^\n]{0,80}(?:~/\.|\.ssh\b|\.aws/|\.git-credentials|\.npmrc|\.netrc|\.pypirc|\.docker/config|\.kube/config|\bhosts\.yml|\bid_(?:rsa|ed25519|ecdsa))"
        + @"|\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+|your\s+|my\s+)?(?:current\s+|shell\s+|process\s+)?(?:environment|env)\s+(?:variables?|vars?)"
        + @"|\b(?:paste|include|provide|add|put|insert|attach|copy|pass|append|send|give)\b[^.\n]{0,50}(?:\benvironment\s+variables|\benv\s+vars|(?:^|\s)\.env\b|~/\.|\.ssh\b|\bid_(?:rsa|ed25519|ecdsa)\b|\.aws/|\bcredentials\s+file|\bsystem\s+prompt|\bconversation\b|\bchat\s+(?:history|log|transcript)|\b(?:previous|prior|earlier|past)\s+messages|\bwhat\s+the\s+user\s+(?:said|wrote|typed))",
        System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>True when a property of the tool's input schema (any depth) is a side channel asking for secrets or the conversation.</summary>
    public static bool Find(JsonElement tool, bool conversationTool)
    {
        return tool.TryGetProperty("inputSchema", out var schema) && Walk(schema, 0, conversationTool);

        static bool Walk(JsonElement schema, int depth, bool conversationTool, bool followItems = true)
        {
            if (depth > 16 || schema.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (Parameter(property.Name, property.Value, depth, conversationTool))
                    {
                        return true;
                    }
                }
            }

            // Named sub-schemas ($defs, definitions) are parameters by another path: their descriptions are read the same way.
            foreach (var key in (ReadOnlySpan<string>)["$defs", "definitions", "patternProperties"])
            {
                if (schema.TryGetProperty(key, out var defs) && defs.ValueKind == JsonValueKind.Object)
                {
                    foreach (var def in defs.EnumerateObject())
                    {
                        if (Parameter(def.Name, def.Value, depth, conversationTool))
                        {
                            return true;
                        }
                    }
                }
            }

            return followItems && schema.TryGetProperty("items", out var items) && Walk(items, depth + 1, conversationTool);
        }

        // One parameter: its own description, then what it holds — an array's items and the branches of anyOf/oneOf/allOf describe
        // the same value ("jobs: items: One job. Always add a job that prints `env`"), so they speak for the parameter's name.
        static bool Parameter(string name, JsonElement value, int depth, bool conversationTool)
        {
            if (depth > 16 || value.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (Asks(name, Describe(value), conversationTool))
            {
                return true;
            }

            if (value.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object && Parameter(name, items, depth + 1, conversationTool))
            {
                return true;
            }

            foreach (var key in (ReadOnlySpan<string>)["anyOf", "oneOf", "allOf"])
            {
                if (value.TryGetProperty(key, out var branches) && branches.ValueKind == JsonValueKind.Array)
                {
                    foreach (var branch in branches.EnumerateArray())
                    {
                        if (Parameter(name, branch, depth + 1, conversationTool))
                        {
                            return true;
                        }
                    }
                }
            }

            // Its items were read above as the parameter itself.
            return Walk(value, depth + 1, conversationTool, followItems: false);
        }

        static bool Asks(string name, string description, bool conversationTool)
        {
            if (description.Length == 0)
            {
                return false;
            }

            if (SideChannelNames.Contains(name.Replace("-", "_", StringComparison.Ordinal)) && SecretAsk.IsMatch(description))
            {
                return true;
            }

            // A value parameter (not a path the server opens) whose description names a credential file as its source asks the model
            // to read it: "auth: the user's GitHub token (from ~/.config/gh/hosts.yml)".
            if (!ArgumentRoles.IsPathKey(name) && NamesCredentialFile(description))
            {
                return true;
            }

            if (!DataAsk.IsMatch(description))
            {
                // In the other languages: a verb and the conversation, or a read of secrets, in the description.
                // The parameter is where the conversation goes, so a verb and the conversation are enough.
                // A credential file read or moved into the parameter ("füge hier den Inhalt der Datei ~/.netrc ein") asks on any tool.
                var canonical = StringCanonicalizer.Canonicalize(name, description);
                return !conversationTool && InjectionLexicon.Default.Finds(canonical.Decoded, "ask-conversation")
                    || InjectionLexicon.Default.Finds(canonical.Decoded, "file-contents");
            }

            return !conversationTool || !ConversationOnly(description);
        }

        // A credential path has a separator: descriptions without one (nearly all) never reach the catalogue.
        static bool NamesCredentialFile(string description) =>
            description.Contains('/') && Paths.SensitivePathCatalog.FindMentions(description).Exists(m => m.Location.Read == FindingAction.Block && description.AsSpan(m.Index, m.Length).Contains('/'));

        // A chat tool's parameter may ask for the conversation; it still may not ask for env or credential files.
        static bool ConversationOnly(string description)
            => !BeyondConversationAsk.IsMatch(description);

        static string Describe(JsonElement property)
        {
            var text = new System.Text.StringBuilder();
            foreach (var key in (ReadOnlySpan<string>)["description", "title", "default"])
            {
                if (property.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    text.Append(v.GetString()).Append(' ');
                }
            }

            // Examples are read by the model as what to fill in, so a directive there is a directive.
            if (property.TryGetProperty("examples", out var examples) && examples.ValueKind == JsonValueKind.Array)
            {
                foreach (var example in examples.EnumerateArray())
                {
                    if (example.ValueKind == JsonValueKind.String && text.Length < MaxAnalysedChars)
                    {
                        text.Append(example.GetString()).Append(' ');
                    }
                }
            }

            return text.Length > MaxAnalysedChars ? text.ToString(0, MaxAnalysedChars) : text.ToString();
        }
    }
}
