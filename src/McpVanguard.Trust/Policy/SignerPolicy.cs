using System.Text.RegularExpressions;
using McpVanguard.Core.Trust;
using McpVanguard.Trust.Certificates;

namespace McpVanguard.Trust.Policy;

/// <summary>Applies a <see cref="SigstorePolicy"/> to the claims of a verified Fulcio certificate.</summary>
internal static class SignerPolicy
{
    // Identity patterns come from operators' configuration, never from the bundle; NonBacktracking keeps even a careless
    // pattern linear in the SAN's length, and the timeout is a second line of defence.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static void Check(SigstorePolicy policy, FulcioClaims claims)
    {
        // Anyone can get a Fulcio certificate for their own identity: without an identity and an issuer to hold it to,
        // "verified" would only mean "signed by somebody". Refuse rather than pass such a policy.
        if (policy.Identity is null && policy.IdentityPattern is null)
        {
            throw new SigstoreRejection("a certificate-signed bundle needs an expected identity (exact or pattern) to verify against");
        }

        if (policy.Issuer is null)
        {
            throw new SigstoreRejection("a certificate-signed bundle needs an expected OIDC issuer to verify against");
        }

        if (policy.Identity is { } identity && !string.Equals(identity, claims.Identity, StringComparison.Ordinal))
        {
            throw new SigstoreRejection($"the certificate identity '{claims.Identity}' is not the required '{identity}'");
        }

        if (policy.IdentityPattern is { } pattern)
        {
            var regex = Compile(pattern);
            if (claims.Identity is null || !regex.IsMatch(claims.Identity))
            {
                throw new SigstoreRejection($"the certificate identity '{claims.Identity}' does not match the pattern '{pattern}'");
            }
        }

        if (policy.Issuer is { } issuer && !string.Equals(issuer, claims.Issuer, StringComparison.Ordinal))
        {
            throw new SigstoreRejection($"the OIDC issuer '{claims.Issuer}' is not the required '{issuer}'");
        }

        if (policy.GitHub is { } github)
        {
            Claim("repository", github.Repository, claims.Repository);
            Claim("ref", github.Ref, claims.Ref);
            Claim("commit SHA", github.Sha, claims.Sha);
            Claim("trigger", github.Trigger, claims.Trigger);
            Claim("workflow name", github.WorkflowName, claims.WorkflowName);
            Claim("workflow path", github.WorkflowPath, claims.WorkflowPath);
        }
    }

    /// <summary>The identity pattern as a whole-string, linear-time regex; a bad pattern is a clear error.</summary>
    public static Regex Compile(string pattern)
    {
        try
        {
            return new Regex($"^(?:{pattern})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new SigstoreRejection($"the identity pattern '{pattern}' is not a valid regular expression ({e.Message})");
        }
        catch (NotSupportedException e)
        {
            throw new SigstoreRejection($"the identity pattern '{pattern}' uses a construct that has no linear-time match ({e.Message})");
        }
    }

    private static void Claim(string name, string? required, string? actual)
    {
        if (required is not null && !string.Equals(required, actual, StringComparison.Ordinal))
        {
            throw new SigstoreRejection($"the GitHub {name} '{actual}' is not the required '{required}'");
        }
    }
}
