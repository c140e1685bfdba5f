namespace McpVanguard.Inspection.Behaviour;

/// <summary>What a step did, as flags: one call can read, and be network-capable, at once (a shell running curl).</summary>
[Flags]
public enum BehaviourKind
{
    None = 0,

    /// <summary>A read of one file or resource (<c>read_file</c>, <c>resources/read</c>).</summary>
    Read = 1 << 0,

    /// <summary>A numbered target (<c>customer_0042.json</c>, <c>/users/17</c>): its family is the name with the number folded.</summary>
    Numbered = 1 << 1,

    /// <summary>A page of a listing after the first (a cursor, a page or offset argument).</summary>
    ListPage = 1 << 2,

    /// <summary>A read of a credential location (an L1 sensitive-path finding that was not blocked).</summary>
    SensitiveRead = 1 << 3,

    /// <summary>A result carrying a secret (an output secret finding).</summary>
    SecretResult = 1 << 4,

    /// <summary>A result or resource flagged by output inspection as aimed at the model (untrusted content).</summary>
    UntrustedContent = 1 << 5,

    /// <summary>The weak form of <see cref="UntrustedContent"/> (wording aimed at the model, no instruction).</summary>
    UntrustedWeak = 1 << 6,

    /// <summary>A call that can send data off the machine: fetch/http/email/chat tools, a shell running curl, a write to a shared location.</summary>
    Egress = 1 << 7,

    /// <summary>A call that runs code or commands.</summary>
    Exec = 1 << 8,

    /// <summary>A write, edit, move or create.</summary>
    Write = 1 << 9,

    /// <summary>A delete or remove.</summary>
    Delete = 1 << 10,

    /// <summary>A large result (over the configured high-volume read size).</summary>
    HighVolumeResult = 1 << 11,
}
