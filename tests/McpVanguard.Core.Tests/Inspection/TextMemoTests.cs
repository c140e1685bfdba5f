using McpVanguard.Inspection;
using McpVanguard.Inspection.Shell;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Inspection;

/// <summary>The per-thread memo of masked command lines: a hit is what a fresh mask gives, a different input misses, it is bounded and released.</summary>
public sealed class TextMemoTests
{
    private const string Commit = "git commit -m 'DROP TABLE users; -- release notes' && psql -c 'select 1'";

    [Fact]
    public void A_kept_mask_is_exactly_what_a_fresh_mask_gives()
    {
        TextMemo.Forget();
        var first = ShellDataPositions.Mask(Commit);
        var again = ShellDataPositions.Mask(Commit);
        TextMemo.Forget();
        var fresh = ShellDataPositions.Mask(new string(Commit.AsSpan()));

        Assert.NotEqual(Commit, first);
        Assert.Same(first, again);
        Assert.Equal(fresh, first);
    }

    [Fact]
    public void The_two_masks_of_one_text_are_kept_apart()
    {
        TextMemo.Forget();
        var command = "grep -r 'ignore previous instructions' logs && git commit -m 'note'";
        var all = ShellDataPositions.Mask(command);
        var patterns = ShellDataPositions.MaskSearchPatterns(command);
        TextMemo.Forget();

        Assert.Equal(ShellDataPositions.Mask(command), all);
        TextMemo.Forget();
        Assert.Equal(ShellDataPositions.MaskSearchPatterns(command), patterns);
        Assert.NotEqual(all, patterns);
    }

    [Fact]
    public void A_different_text_misses_and_gets_its_own_mask()
    {
        TextMemo.Forget();
        var one = ShellDataPositions.Mask("echo 'union select' | cat");
        var other = ShellDataPositions.Mask("echo 'union select' | psql");

        Assert.NotEqual(one, other);
        Assert.Equal("echo 'union select' | psql", other); // piped into a database shell: code, nothing masked
    }

    [Fact]
    public void The_memo_is_bounded_and_the_pipeline_releases_it()
    {
        TextMemo.Forget();
        for (var i = 0; i < 50; i++)
        {
            _ = ShellDataPositions.Mask($"git commit -m 'message {i}'");
        }

        Assert.Equal(TextMemo.Entries, TextMemo.Held);

        var engine = TestEngine.Create();
        engine.AgentToServer.Inspect(InspectionContextFactory.ToolCall("run_command", new { command = Commit }));
        Assert.Equal(0, TextMemo.Held);
    }
}
