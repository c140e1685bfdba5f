using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Hosting;

/// <summary>The admin endpoints' gate: the admin key (<c>VANGUARD_ADMIN_KEY</c>) in its header, compared by digest in constant time.</summary>
internal sealed class AdminKeyCheck(byte[] keyDigest)
{
    public const string KeyHeader = Auth.GatewayAuthOptionsReader.AdminKeyHeader;

    /// <summary>True when the request carries the admin key; otherwise answers 401 (JSON) and returns false.</summary>
    public async Task<bool> AdmitAsync(HttpContext context)
    {
        var given = context.Request.Headers[KeyHeader].ToString();
        if (given.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), keyDigest))
        {
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"error":"the admin key (X-Vanguard-Admin-Key) is missing or wrong"}""", context.RequestAborted).ConfigureAwait(false);
        return false;
    }
}
