using McpVanguard.Gateway.Upstreams;
using McpVanguard.Inspection;

namespace McpVanguard.Gateway.Hosting;

/// <summary>What <c>/readyz</c> checks: the inspection engine is primed and every stdio upstream's program can be found.</summary>
internal sealed class ReadinessProbe(InspectionEngine engine, IReadOnlyList<UpstreamDefinition> servers)
{
    private readonly string[] _missing = [.. servers.Where(s => s.IsStdio && !ProgramExists(s.Command![0])).Select(s => s.Id)];

    /// <summary>Null when ready, otherwise why not.</summary>
    public string? NotReadyReason()
    {
        if (!engine.Primed.IsCompleted)
        {
            return "the inspection engine is still starting";
        }

        return _missing.Length > 0 ? $"the program of upstream '{string.Join("', '", _missing)}' was not found" : null;
    }

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
