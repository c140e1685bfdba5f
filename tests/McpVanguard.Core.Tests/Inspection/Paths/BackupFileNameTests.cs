using McpVanguard.Inspection.Paths;
using Xunit;

namespace McpVanguard.Tests.Inspection.Paths;

public sealed class BackupFileNameTests
{
    [Theory]
    [InlineData("shadow~", "shadow", null)]
    [InlineData("#shadow#", "shadow", null)]
    [InlineData("shadow.~12~", "shadow", null)]
    [InlineData(".shadow.swp", ".shadow", "shadow")]
    [InlineData("credentials.bak", "credentials", null)]
    [InlineData("debian.cnf.dpkg-old", "debian.cnf", null)]
    [InlineData("passwd.save", "passwd", null)]
    public void Names_the_original(string name, string original, string? alternate)
    {
        Assert.True(BackupFileName.TryOriginal(name, out var o, out var a));
        Assert.Equal(original, o);
        Assert.Equal(alternate, a);
    }

    [Theory]
    [InlineData("shadow")]
    [InlineData("~")]
    [InlineData("#")]
    [InlineData("notes.md")]
    [InlineData("backup")]
    public void Leaves_ordinary_names(string name)
    {
        Assert.False(BackupFileName.TryOriginal(name, out _, out _));
    }
}
