using McpVanguard.Gateway.Upstreams;
using McpVanguard.Inspection;

namespace McpVanguard.Gateway.Hosting;

/// <summary>
/// What <c>/readyz</c> checks: the inspection engine is primed, L2's model (when L2 is on) has loaded, every stdio
/// upstream's program can be found, and the shared state (when there is one) is reachable or stood in for by local state
/// (then ready, but reported degraded).
/// </summary>
internal sealed class ReadinessProbe(InspectionEngine engine, IReadOnlyList<UpstreamDefinition> servers, McpVanguard.State.ISharedState state)
{
    private readonly string[] _missing = [.. servers.Where(s => s.IsStdio && !ProgramExists(s.Command![0])).Select(s => s.Id)];

    /// <summary>Null when ready, otherwise why not.</summary>
    public string? NotReadyReason()
    {
        if (!engine.Primed.IsCompleted)
        {
            return "the inspection engine is still starting";
        }

        // A scored message that arrives while the model loads waits for it: not ready, so traffic goes elsewhere meanwhile.
        if (SemanticNotReadyReason() is { } semantic)
        {
            return semantic;
        }

        if (_missing.Length > 0)
        {
            return $"the program of upstream '{string.Join("', '", _missing)}' was not found";
        }

        // Strict refuses new sessions while the shared state is down: not ready, so a load balancer sends them elsewhere.
        return state is McpVanguard.State.ResilientSharedState { Health: { IsDown: true, UsingLocal: false } health } ? health.Describe() : null;
    }

    private string? SemanticNotReadyReason()
    {
        foreach (var stage in engine.AgentToServer.Stages.Concat(engine.ServerToAgent.Stages))
        {
            if (stage is McpVanguard.Inspection.Semantic.SemanticStage semantic && semantic.NotReadyReason() is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The text of a ready answer: <c>ready</c>, or <c>ready (degraded: …)</c> while local state stands in for the shared one.</summary>
    public string ReadyText() => state is McpVanguard.State.ResilientSharedState { Health: { IsDown: true } health }
        ? $"ready ({health.Describe()})\n"
        : "ready\n";

    private static bool ProgramExists(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, program)));
    }
}
