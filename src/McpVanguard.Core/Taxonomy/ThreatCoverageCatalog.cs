namespace McpVanguard.Taxonomy;

/// <summary>
/// What addresses each MCP-38 threat besides the rule catalog (whose ids are joined by category), with an honest status.
/// A proxy sees the JSON-RPC traffic between agent and server; what happens in the client's UI, in the model's plan or on
/// the server's host is outside its view, and the notes say so.
/// </summary>
public static class ThreatCoverageCatalog
{
    private const string Audit = "audit log of every decision (audit.log)";
    private const string GatewayAuth = "gateway authentication: JWT/JWKS, API keys (auth)";
    private const string AccessPolicy = "per-tool access policy by verified role/scope (access)";
    private const string Pinning = "tool pinning and approved baselines (vanguard pins)";
    private const string Limits = "preflight limits: size, depth, strings, requests in flight (limits.*)";
    private const string RateLimits = "gateway session and request limits per principal (gateway.max_sessions, gateway.max_concurrent_requests)";
    private const string Rebinding = "Host/Origin validation against DNS rebinding (gateway.allowed_origins)";
    private const string StrictParser = "strict JSON-RPC parser: duplicate keys, lone surrogates, batches refused";
    private const string SessionBinding = "gateway sessions bound to the principal that created them";
    private const string SafeZones = "safe zones: path jail (safe_zones)";
    private const string Semantic = "L2 semantic scorer (optional; escalates only)";
    private const string Behaviour = "L3 behaviour windows per session and server";
    private const string FailClosed = "fail closed on inspector error or overrun (VG-001/VG-002)";
    private const string Scan = "vanguard scan / doctor: unwrapped servers and deployment checks";
    private const string ServerIsolation = "server_id on every finding and state key; one relay per upstream";
    private const string ChildProcess = "stdio child owned by vanguard: stdout is protocol only, child dies with its parent";

    /// <summary>One entry per threat, in id order.</summary>
    public static IReadOnlyList<ThreatCoverage> All { get; } =
    [
        new("MCP-01", CoverageStatus.Partial, [GatewayAuth, SessionBinding],
            "The gateway verifies callers; the stdio wrapper trusts the local user who launched it, and upstream servers' own authentication is theirs."),
        new("MCP-02", CoverageStatus.Covered, ["secret detection in arguments and answers (redaction)"],
            "Credentials in arguments are blocked, in answers masked; reads of credential locations are findings."),
        new("MCP-03", CoverageStatus.Partial, [SessionBinding, "request/response pairing: a response to no pending request is dropped"],
            "Session ids cannot be used by another principal; bearer-token replay within its lifetime is the identity provider's to limit."),
        new("MCP-04", CoverageStatus.Covered, [AccessPolicy, SafeZones], "Calls a caller may not make are refused; privilege escalation commands are findings."),
        new("MCP-05", CoverageStatus.Partial, [AccessPolicy, SafeZones],
            "The proxy narrows what may be called and where paths may point; it cannot reduce the permissions a server process itself holds."),
        new("MCP-06", CoverageStatus.Partial, [ServerIsolation, SessionBinding],
            "Findings, pins and behaviour state are kept per server and session; tenant isolation inside a server is out of the proxy's reach."),
        new("MCP-07", CoverageStatus.Covered, ["shell tokenizer for command arguments"], "Commands are tokenized, not matched as text."),
        new("MCP-08", CoverageStatus.Covered, [SafeZones, "path canonicalisation (percent-decoding, NFKC, separators)"], "Traversal and sensitive locations in any argument."),
        new("MCP-09", CoverageStatus.Partial, ["URL and IP classifier for SSRF (resolves host names)", "SQL statement analyser"],
            "SSRF and SQL injection are detected; cross-site scripting is the rendering client's concern (no XSS detector)."),
        new("MCP-10", CoverageStatus.Covered, [Pinning, "metadata inspection (names, descriptions, schemas, instructions)"], "Poisoned definitions are withheld; tools that used them are quarantined."),
        new("MCP-11", CoverageStatus.Covered, ["whole input schema inspected (descriptions, defaults, enums, examples)", Pinning], "Side-channel parameters and poisoned schema fields."),
        new("MCP-12", CoverageStatus.Covered, ["output inspection of resource contents and prompt messages"], "Poisoned resources and prompts, listed or read."),
        new("MCP-13", CoverageStatus.Covered, ["homoglyph and imitation checks on names", Pinning], "Names imitating others and duplicate names in one list."),
        new("MCP-14", CoverageStatus.Covered, ["cross-server tool name collision"], "Two servers behind one gateway offering one name; descriptions steering another tool."),
        new("MCP-15", CoverageStatus.Partial, [Semantic],
            "Overt 'always use this tool' directives in metadata are caught as instructions; subtle persuasive wording is not reliably separable from marketing copy."),
        new("MCP-16", CoverageStatus.Covered, [Pinning], "A changed, added or removed definition after pinning is a finding; changed ones are withheld until approved."),
        new("MCP-17", CoverageStatus.Partial, [Behaviour],
            "Sensitive-read → egress chains within a session and across servers; longer or slower chains can stay under the windows."),
        new("MCP-18", CoverageStatus.Partial, [Scan],
            "Scan finds servers in client configurations that are not wrapped; a server the user never configured is invisible to a proxy."),
        new("MCP-19", CoverageStatus.Partial, ["injection lexicon over arguments", Semantic],
            "Injection in tool arguments is inspected; the user's own prompt to the model never crosses MCP."),
        new("MCP-20", CoverageStatus.Covered, ["output inspection", Semantic, Behaviour], "Injection in answers, metadata and server requests; untrusted content followed by a sensitive call."),
        new("MCP-21", CoverageStatus.Covered, ["deterministic layers before any model; L2 can only escalate", FailClosed],
            "No decision rests on the model's own safeguards."),
        new("MCP-22", CoverageStatus.Partial, ["Review verdict for actions that need a human"],
            "Settings that auto-approve agent tools and elicitations asking for secrets are findings; the approval dialog itself is the client's."),
        new("MCP-23", CoverageStatus.NotApplicable, [],
            "Approval prompts are shown by the client; a proxy can only lower their number by deciding clear cases itself."),
        new("MCP-24", CoverageStatus.Covered, ["egress and exfiltration checks", Behaviour, "secret redaction in answers"], "Uploads, DNS tunnels, collectors, secrets in outgoing messages."),
        new("MCP-25", CoverageStatus.Partial, [Behaviour], "Enumeration, sweeps and volume budgets per session; aggregation across sessions or users is not correlated."),
        new("MCP-26", CoverageStatus.Partial, [Scan, Pinning, "signed server manifests checked before launch (npm package integrity, files, provenance)"],
            "Installs through tool calls (download-and-execute, untrusted registries) are findings; an npm server with a signed manifest is checked before it is spawned; PyPI and OCI servers are not vetted yet."),
        new("MCP-27", CoverageStatus.Partial, [Pinning, "signed rule packs, pin baselines and manifests"], "Definitions are fingerprinted and compared with a signed baseline or a signed manifest's; the check is at start-up, not while a server runs."),
        new("MCP-28", CoverageStatus.Partial, ["remote upstreams over HTTPS", "stdio upstreams never touch the network"],
            "TLS on the gateway's listener is the deployment's (Kestrel certificates or a fronting proxy); a hop the proxy is not on cannot be protected by it."),
        new("MCP-29", CoverageStatus.Covered, [StrictParser, Limits, "protocol version negotiation checked"], "Malformed or ambiguous messages are refused, never forwarded."),
        new("MCP-30", CoverageStatus.Partial, [ChildProcess, "terminal escapes in answers and metadata"],
            "Framing and descriptors of the child are vanguard's; a server that writes to other descriptors of its host is outside the relay."),
        new("MCP-31", CoverageStatus.Covered, [Rebinding, "host names resolved before SSRF classification"], "Rebinding against the gateway and via URLs in arguments."),
        new("MCP-32", CoverageStatus.Partial, ["URL and IP classifier for SSRF"],
            "Internal addresses, scans and tunnels requested through arguments; a server's own network access needs an OS sandbox."),
        new("MCP-33", CoverageStatus.Covered, [Limits, RateLimits, Behaviour], "Oversized and deep messages, request floods, loops and volume budgets."),
        new("MCP-34", CoverageStatus.Partial, [AccessPolicy],
            "Schema enumeration and network scans through tools are findings; listing tools is the protocol's purpose and is not refused."),
        new("MCP-35", CoverageStatus.Partial, [Behaviour],
            "Loops and destructive bursts are visible in traffic; drift in the agent's plan is not."),
        new("MCP-36", CoverageStatus.Partial, ["server requests inspected (sampling, elicitation, roots)"],
            "Servers steering the client's model through sampling; agent-to-agent channels outside MCP are out of reach."),
        new("MCP-37", CoverageStatus.Partial, [],
            "Container and kernel escapes requested through tools are findings; the proxy is not a sandbox for the server itself."),
        new("MCP-38", CoverageStatus.Covered, [Audit, "decision reasons with rule ids in every refusal"], "Every decision is audited with rule ids; anti-forensics commands are findings."),
    ];

    /// <summary>The entry of <paramref name="threatId"/>.</summary>
    public static ThreatCoverage Of(string threatId) => All.First(c => c.ThreatId == threatId);
}
