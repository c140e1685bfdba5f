using System.Text.Json;
using McpVanguard.Gateway.Sessions;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Integrity;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Hosting;

/// <summary>
/// <c>GET /admin/state</c>: the gateway's live state as JSON (sessions now, per upstream its sessions and child
/// processes, pin changes awaiting approval), for <c>vanguard ui --gateway</c>. Read-only; it answers only to the admin
/// key (<c>VANGUARD_ADMIN_KEY</c>) in <see cref="KeyHeader"/>, compared by digest in constant time.
/// </summary>
internal sealed class AdminStateEndpoint(AdminKeyCheck key, SessionStore sessions, UpstreamConnector connector, IReadOnlyList<UpstreamDefinition> servers, PinStore? pins)
{
    public const string Path = "/admin/state";

    public const string KeyHeader = AdminKeyCheck.KeyHeader;

    public async Task GetAsync(HttpContext context)
    {
        if (!await key.AdmitAsync(context).ConfigureAwait(false))
        {
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteNumber("sessions", sessions.Count);
        json.WriteStartArray("upstreams");
        foreach (var server in servers)
        {
            var count = sessions.CountFor(server.Id);
            json.WriteStartObject();
            json.WriteString("id", server.Id);
            json.WriteString("kind", server.IsShared ? "shared" : server.IsStdio ? "stdio" : "remote");
            json.WriteNumber("sessions", count);
            // A stdio upstream runs one child per session; a shared one its pool; a remote one none.
            json.WriteNumber("children", server.IsShared ? connector.SharedChildren(server.Id).Count : server.IsStdio ? count : 0);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (pins is not null)
        {
            json.WriteNumber("pending_approvals", PendingApprovals(pins));
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static int PendingApprovals(PinStore pins)
    {
        try
        {
            return pins.Snapshot().Servers.Values.Sum(static s => PinnedList.All.Sum(l => s.Of(l.Kind) is var (_, pending) ? pending.Count : 0));
        }
        catch (PinStoreException)
        {
            return -1;
        }
    }
}
