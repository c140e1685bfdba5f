using McpVanguard.Inspection.Access;
using Xunit;

namespace McpVanguard.Tests.Inspection.Access;

public sealed class NamePatternTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("read_*", "read_file", true)]
    [InlineData("read_*", "read_", true)]
    [InlineData("read_*", "xread_file", false)]
    [InlineData("read_*", "read", false)]
    [InlineData("*_file", "read_file", true)]
    [InlineData("*_file", "read_file_x", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("a*b", "abab", true)]
    [InlineData("?", "", false)]
    [InlineData("?", "x", true)]
    [InlineData("git-??", "git-01", true)]
    [InlineData("git-??", "git-001", false)]
    [InlineData("echo", "echo", true)]
    [InlineData("echo", "echo2", false)]
    [InlineData("echo", "Echo", false)]
    public void Matches_only_what_the_pattern_describes(string pattern, string name, bool expected)
        => Assert.Equal(expected, new NamePattern(pattern).Matches(name));

    [Theory]
    [InlineData("delete_*", "DELETE_FILE")]
    [InlineData("delete_*", "Delete_File")]
    public void Ignoring_case_folds_both_sides(string pattern, string name)
    {
        Assert.False(new NamePattern(pattern).Matches(name));
        Assert.True(new NamePattern(pattern).Matches(name, ignoreCase: true));
    }

    [Fact]
    public void A_pathological_pattern_finishes_and_does_not_match()
    {
        var pattern = new NamePattern(string.Concat(Enumerable.Repeat("*a", 200)) + "b");
        Assert.False(pattern.Matches(new string('a', 5000)));
    }
}
