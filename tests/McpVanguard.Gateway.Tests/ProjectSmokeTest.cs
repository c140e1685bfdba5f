namespace McpVanguard.Gateway.Tests;

public sealed class ProjectSmokeTest
{
    [Fact]
    public void Gateway_assembly_loads() => Assert.Equal("McpVanguard.Gateway", typeof(McpVanguard.Gateway.GatewayAssembly).Assembly.GetName().Name);
}
