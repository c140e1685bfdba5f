namespace McpVanguard.Inspection.Secrets;

/// <summary>Which direction a secret detector serves: agent→server arguments (block or warn), server→agent text (redact), or both.</summary>
[Flags]
public enum SecretScope
{
    /// <summary>Tool-call and prompt arguments the agent sends: a live credential leaving is blocked or warned by its rule id.</summary>
    Arguments = 1,

    /// <summary>Tool results, resources and prompt messages the server sends: the secret is masked (LEAK-001).</summary>
    Output = 2,

    Both = Arguments | Output,
}
