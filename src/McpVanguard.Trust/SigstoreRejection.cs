namespace McpVanguard.Trust;

/// <summary>
/// Why a bundle or trusted root was refused. Thrown inside the verifier only and turned into a failed
/// <c>SigstoreVerification</c> at its edge, so every step can stop at the first broken link with one clear reason.
/// </summary>
internal sealed class SigstoreRejection(string reason) : Exception(reason);
