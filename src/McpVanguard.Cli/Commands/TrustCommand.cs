using System.CommandLine;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard trust …</c>: signatures and provenance. Each subcommand lives in its own file (verify: <see cref="TrustVerifyCommand"/>).</summary>
internal static class TrustCommand
{
    public static Command Create()
    {
        var trust = new Command("trust", "Verify signatures and provenance offline (Sigstore bundles against the embedded public-good trusted root or your own).");
        trust.Subcommands.Add(TrustVerifyCommand.Create());
        return trust;
    }
}
