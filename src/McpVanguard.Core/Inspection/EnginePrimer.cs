using System.Runtime.CompilerServices;
using System.Text;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection;

/// <summary>
/// Runs everyday messages (a file read, a shell command, a fetch, a tools/list, a tool result, a sampling and an
/// elicitation request) through both pipelines once, on a background thread, so that the code of the common paths is
/// compiled while the server child starts. Short benign text: the literal gates keep it away from almost every regex, so
/// priming builds few (memory follows the traffic). Nothing waits for it (the gateway's <c>/readyz</c> excepted).
/// </summary>
internal static class EnginePrimer
{
    /// <summary>The server id of the priming messages; nothing is recorded about it (see <see cref="Metadata.MetadataInspector"/>).</summary>
    public const string ServerId = "\u0000vanguard-priming";

    private static readonly string[] AgentToServer =
    [
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_text_file","arguments":{"path":"src/app/main.py","head":40}}}""",
        """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"run_command","arguments":{"command":"git status --short && npm test -- --watch=false"}}}""",
        """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"fetch","arguments":{"url":"https://example.com/docs/getting-started?lang=en","max_length":5000}}}""",
        """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"write_file","arguments":{"path":"notes/todo.md","content":"# Todo\n\n- review the pull request\n- update the changelog"}}}""",
    ];

    private static readonly (string Method, string Json)[] Answers =
    [
        ("tools/list", """{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"read_text_file","description":"Read the complete contents of a file from the file system as text. Use the 'head' parameter to return only the first N lines. Only works within allowed directories.","inputSchema":{"type":"object","properties":{"path":{"type":"string"},"head":{"type":"number","description":"If provided, returns only the first N lines of the file"}},"required":["path"]},"annotations":{"readOnlyHint":true}}]}}"""),
        ("tools/call", """{"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text","text":"# Project\n\nRun `npm install`, then `npm test`. The build writes to dist/."}],"structuredContent":{"files":3}}}"""),
        ("initialize", """{"jsonrpc":"2.0","id":3,"result":{"protocolVersion":"2025-06-18","capabilities":{},"serverInfo":{"name":"priming","version":"1.0.0"},"instructions":"Use the search tools before fetching whole files."}}"""),
    ];

    private static readonly string[] ServerRequests =
    [
        """{"jsonrpc":"2.0","id":"w1","method":"sampling/createMessage","params":{"messages":[{"role":"user","content":{"type":"text","text":"Summarize the following notes in three bullet points."}}],"systemPrompt":"You are concise.","maxTokens":100}}""",
        """{"jsonrpc":"2.0","id":"w2","method":"elicitation/create","params":{"message":"Project name?","requestedSchema":{"type":"object","properties":{"name":{"type":"string","title":"Project name"}}}}}""",
    ];

    /// <summary>
    /// Builds the analysers' process-wide tables (the multilingual injection lexicon: its YAML, folding table and
    /// automaton; the phrase families and their literal gates), which need no engine: started before the rules load, it
    /// overlaps with them and with the server's start-up instead of delaying the first answer that needs them.
    /// </summary>
    public static void BuildTables()
    {
        // Every gated regex registers with AnalyzerGates when its type initialises, and each registration makes the next
        // gate test rebuild the gates' automaton (~30 ms of CPU): registered all here, the automaton is built once, on this
        // thread, instead of again on the first call that touches the secret scanner or a metadata check.
        foreach (var (_, initialise) in GatedRegexHolders)
        {
            initialise();
        }

        _ = Instructions.InjectionPhrases.All;
        _ = Instructions.InstructionAnalyzer.DiscussionRegex;
        _ = AnalyzerGates.Passes(string.Empty);
    }

    /// <summary>
    /// The types whose static fields hold gated analyser regexes (<see cref="PrefilteredRegex"/>), each with the call that
    /// initialises it (a literal type per call, which the trimmer and Native AOT need); a test keeps the list whole.
    /// </summary>
    internal static readonly (Type Holder, Action Initialise)[] GatedRegexHolders =
    [
        (typeof(Instructions.InjectionPhrases), static () => RuntimeHelpers.RunClassConstructor(typeof(Instructions.InjectionPhrases).TypeHandle)),
        (typeof(Instructions.InstructionAnalyzer), static () => RuntimeHelpers.RunClassConstructor(typeof(Instructions.InstructionAnalyzer).TypeHandle)),
        (typeof(Instructions.AddressedInstruction), static () => RuntimeHelpers.RunClassConstructor(typeof(Instructions.AddressedInstruction).TypeHandle)),
        (typeof(Instructions.MarkdownExfiltration), static () => RuntimeHelpers.RunClassConstructor(typeof(Instructions.MarkdownExfiltration).TypeHandle)),
        (typeof(Instructions.RawAddressExfiltration), static () => RuntimeHelpers.RunClassConstructor(typeof(Instructions.RawAddressExfiltration).TypeHandle)),
        (typeof(Metadata.PromptArgumentSecrets), static () => RuntimeHelpers.RunClassConstructor(typeof(Metadata.PromptArgumentSecrets).TypeHandle)),
        (typeof(Metadata.SecretAskingParameters), static () => RuntimeHelpers.RunClassConstructor(typeof(Metadata.SecretAskingParameters).TypeHandle)),
        (typeof(Secrets.ProviderTokenFormats), static () => RuntimeHelpers.RunClassConstructor(typeof(Secrets.ProviderTokenFormats).TypeHandle)),
        (typeof(Secrets.SecretScanner), static () => RuntimeHelpers.RunClassConstructor(typeof(Secrets.SecretScanner).TypeHandle)),
        (typeof(ServerRequests.ServerRequestInspector), static () => RuntimeHelpers.RunClassConstructor(typeof(ServerRequests.ServerRequestInspector).TypeHandle)),
    ];

    public static void Run(InspectionEngine engine)
    {
        foreach (var json in AgentToServer)
        {
            Inspect(engine, engine.AgentToServer, Direction.AgentToServer, json, null);
        }

        foreach (var (method, json) in Answers)
        {
            Inspect(engine, engine.ServerToAgent, Direction.ServerToAgent, json, method);
        }

        foreach (var json in ServerRequests)
        {
            Inspect(engine, engine.ServerToAgent, Direction.ServerToAgent, json, null);
        }
    }

    private static void Inspect(InspectionEngine engine, InspectionPipeline pipeline, Direction direction, string json, string? requestMethod)
    {
        var limits = engine.Limits;
        if (!McpMessageParser.TryParse(Encoding.UTF8.GetBytes(json), limits.MaxDepth, out var message, out _))
        {
            return;
        }

        using (message)
        {
            var payload = PayloadStrings.Empty;
            if (direction == Direction.ServerToAgent)
            {
                var node = message!.IsResponse ? message.Root.GetProperty("result") : message.Params!.Value;
                if (!PayloadWalker.TryWalk(node, message.IsResponse ? "/result" : "/params", limits, out payload, out _))
                {
                    return;
                }
            }

            if (!ArgumentWalker.TryWalk(message!.Params, limits, out var strings, out _))
            {
                return;
            }

            // On the priming thread: a stage that awaits (a model) is warmed here too, off every message's path.
            pipeline.Inspect(new InspectionContext
            {
                Message = message,
                Direction = direction,
                SessionId = ServerId,
                ServerId = ServerId,
                Profile = pipeline.Profile,
                Strings = strings,
                Payload = payload,
                RequestMethod = requestMethod,
                RequestTool = requestMethod == "tools/call" ? "read_text_file" : null,
            });
        }
    }
}
