using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace McpVanguard.Gateway.Hosting;

/// <summary>
/// The seam where authentication plugs into the gateway: the services (handlers and the <see cref="Security.GatewayPolicies.Client"/>
/// policy) and the middleware. When set, every MCP endpoint requires an authenticated client.
/// </summary>
/// <param name="AddServices">For example <c>services =&gt; services.AddVanguardAuthentication(authOptions)</c>.</param>
/// <param name="UseMiddleware">For example <c>app =&gt; app.UseVanguardAuthentication()</c>; runs after the Origin/Host guard.</param>
public sealed record GatewayAuthentication(Action<IServiceCollection> AddServices, Action<WebApplication> UseMiddleware);
