using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Integrity;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Hosting;

/// <summary>
/// <c>POST /admin/pins/approve</c>: the approval <c>vanguard pins approve</c> makes, through a running gateway, behind the
/// admin key. The body names what to approve, <c>{"server": ID, "tool"|"prompt"|"resource"|"template": NAME}</c> or
/// <c>{"server": ID, "all": true}</c> (server optional). With shared pins (<c>state.redis</c>) the answer comes once the
/// approval is in the pin file and in the shared copy, so every instance's next comparison honours it; 503 when the shared
/// copy cannot be reached (nothing approved). Audited as method <c>pins/approve</c>.
/// </summary>
internal sealed class AdminPinsEndpoint(AdminKeyCheck key, PinStore pins, IAuditSink audit, TimeProvider time)
{
    public const string ApprovePath = "/admin/pins/approve";

    /// <summary>A request body larger than this is refused: the selection is a few names.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    public async Task ApproveAsync(HttpContext context)
    {
        if (!await key.AdmitAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var (server, kind, name, error) = await ReadSelectionAsync(context).ConfigureAwait(false);
        if (error is not null)
        {
            await ReplyAsync(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
            return;
        }

        IReadOnlyDictionary<string, IReadOnlyList<string>> approved;
        try
        {
            // File and Redis I/O: off the request thread's synchronous path.
            approved = await Task.Run(() => pins.Approve(server, name, kind), context.RequestAborted).ConfigureAwait(false);
        }
        catch (PinStoreException ex)
        {
            await ReplyAsync(context, StatusCodes.Status503ServiceUnavailable, ex.Message).ConfigureAwait(false);
            return;
        }

        if (approved.Count == 0)
        {
            await ReplyAsync(context, StatusCodes.Status404NotFound, "nothing to approve for that selection").ConfigureAwait(false);
            return;
        }

        foreach (var (identity, items) in approved)
        {
            audit.Write(new AuditRecord
            {
                Time = time.GetUtcNow(),
                Session = "admin-api",
                ServerId = "gateway",
                Direction = "operator",
                Method = "pins/approve",
                Tool = name,
                Verdict = "allow",
                RuleIds = [],
                Reason = AuditFieldBounds.Bound($"approved through {ApprovePath}: {string.Join(", ", items)} of {identity}", AuditFieldBounds.MaxReasonChars),
            });
        }

        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteStartArray("approved");
        foreach (var (identity, items) in approved)
        {
            json.WriteStartObject();
            json.WriteString("server", identity);
            json.WriteStartArray("items");
            foreach (var item in items)
            {
                json.WriteStringValue(item);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The selection in the body: the same choices as the command line's (one named item, or all).</summary>
    private static async Task<(string? Server, PinKind? Kind, string? Name, string? Error)> ReadSelectionAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, null, null, $"the body is larger than {MaxBodyBytes} bytes");
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length > MaxBodyBytes)
        {
            return (null, null, null, $"the body is larger than {MaxBodyBytes} bytes");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            return (null, null, null, "the body is not JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null, "the body must be a JSON object");
            }

            string? server = null;
            var all = false;
            var named = new List<(PinKind Kind, string Name)>();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Name == "all" && member.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    all = member.Value.GetBoolean();
                }
                else if (member.Value.ValueKind != JsonValueKind.String)
                {
                    return (null, null, null, $"'{member.Name}' must be a string");
                }
                else if (member.Name == "server")
                {
                    server = member.Value.GetString();
                }
                else if (PinnedList.All.FirstOrDefault(l => PinStore.Label(l.Kind) == member.Name) is { } list)
                {
                    named.Add((list.Kind, member.Value.GetString()!));
                }
                else
                {
                    return (null, null, null, $"unknown member '{member.Name}' (server, tool, prompt, resource, template, all)");
                }
            }

            return (all, named.Count) switch
            {
                (false, 1) => (server, named[0].Kind, named[0].Name, null),
                (true, 0) => (server, null, null, null),
                _ => (null, null, null, "say what to approve: one of tool, prompt, resource, template (a name), or all: true"),
            };
        }
    }

    private static async Task ReplyAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("error", message);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
