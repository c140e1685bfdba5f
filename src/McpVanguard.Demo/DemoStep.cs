namespace McpVanguard.Demo;

/// <summary>What the scripted agent expects the proxy to do with a step.</summary>
public enum DemoExpectation
{
    Allow,
    Block,
}

/// <summary>What actually happened to a step.</summary>
public enum DemoOutcome
{
    /// <summary>The call reached the demo server (its answer may still be a tool error).</summary>
    Allowed,

    /// <summary>McpVanguard answered with its policy error (-32001) and the server never saw the call.</summary>
    Blocked,

    /// <summary>Anything else: another JSON-RPC error, a timeout, a broken connection.</summary>
    Failed,
}

/// <summary>
/// One step of the scripted agent session. <paramref name="Tool"/> is a tool name, or
/// <see cref="ListToolsStep"/> for the tools/list request every agent sends first.
/// </summary>
public sealed record DemoStep(
    string Description,
    string Tool,
    IReadOnlyDictionary<string, object?> Arguments,
    DemoExpectation Expected)
{
    /// <summary>The pseudo tool name of the tools/list step.</summary>
    public const string ListToolsStep = "tools/list";
}

/// <summary>The result of one step, ready for a table row or an assertion.</summary>
public sealed record DemoStepResult(
    string Description,
    string Tool,
    DemoExpectation Expected,
    DemoOutcome Outcome,
    IReadOnlyList<string> RuleIds,
    string Reason)
{
    /// <summary>True when the proxy did what the script expected.</summary>
    public bool MetExpectation => (Expected, Outcome) is (DemoExpectation.Allow, DemoOutcome.Allowed) or (DemoExpectation.Block, DemoOutcome.Blocked);
}

/// <summary>The whole session: every step's result, plus the proxy's stderr for diagnosing a failed run.</summary>
public sealed record DemoReport(IReadOnlyList<DemoStepResult> Steps, IReadOnlyList<string> ProxyStderr)
{
    public int AllowedCount => Steps.Count(step => step.Outcome == DemoOutcome.Allowed);

    public int BlockedCount => Steps.Count(step => step.Outcome == DemoOutcome.Blocked);

    public int FailedCount => Steps.Count(step => step.Outcome == DemoOutcome.Failed);

    public IReadOnlyList<DemoStepResult> Unmet => Steps.Where(step => !step.MetExpectation).ToList();

    /// <summary>True when there was at least one step and every step met its expectation.</summary>
    public bool AllExpectationsMet => Steps.Count > 0 && Steps.All(step => step.MetExpectation);

    /// <summary>One line for a terminal or a test failure message.</summary>
    public string Summary =>
        $"{Steps.Count} steps: {AllowedCount} allowed, {BlockedCount} blocked, {FailedCount} failed — " +
        (AllExpectationsMet
            ? "every expectation held."
            : $"{Unmet.Count} unmet: {string.Join(", ", Unmet.Select(step => step.Description))}.");
}
