namespace McpVanguard.Inspection.Secrets;

/// <summary>A secret found in a string: its kind (named in the redaction marker), the rule it falls under, and the span to mask.</summary>
/// <param name="Kind">For example <c>aws-access-key</c>, <c>private-key</c>, <c>generic-secret</c>.</param>
/// <param name="Start">First UTF-16 index of the secret value.</param>
/// <param name="Length">Length of the secret value.</param>
/// <param name="Rule">The rule the detector reports under in the agent's arguments.</param>
public sealed record SecretMatch(string Kind, int Start, int Length, DetectorRule Rule);
