using McpVanguard.Core.Trust.Manifests;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Trust.Manifests;

/// <summary>Strict does not start an unverified server, balanced starts it with a loud warning, monitor only audits; each failure is one TRUST-001 record.</summary>
public sealed class LaunchDecisionTests
{
    private static readonly LaunchVerification Failure = LaunchVerification.Failed("the files differ");

    [Theory]
    [InlineData(Profile.Strict, false, "block", "refusing to start")]
    [InlineData(Profile.Balanced, true, "warn", "WARNING")]
    [InlineData(Profile.Monitor, true, "shadow-block", null)]
    public void A_failure_is_audited_and_judged_by_the_profile(Profile profile, bool start, string verdict, string? message)
    {
        var decision = LaunchDecision.For(Failure, profile, "weather");
        Assert.Equal(start, decision.Start);
        Assert.Equal((verdict, "launch", "weather", "the files differ"), (decision.Record!.Verdict, decision.Record.Method, decision.Record.ServerId, decision.Record.Reason));
        Assert.Equal(["TRUST-001"], decision.Record.RuleIds);
        if (message is null)
        {
            Assert.Null(decision.Message);
        }
        else
        {
            Assert.Contains(message, decision.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_verified_or_unchecked_launch_starts_without_a_record()
    {
        var verified = LaunchDecision.For(new LaunchVerification(LaunchOutcome.Verified, "pkg verified"), Profile.Strict, "weather");
        var notChecked = LaunchDecision.For(new LaunchVerification(LaunchOutcome.NotChecked, "no manifest"), Profile.Strict, "weather");
        Assert.True(verified.Start && notChecked.Start);
        Assert.Null(verified.Record);
        Assert.Null(notChecked.Record);
        Assert.Contains("pkg verified", verified.Message, StringComparison.Ordinal);
    }
}
