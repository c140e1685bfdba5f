using System.Globalization;
using System.Text;
using McpVanguard.Trust.Bundles;
using McpVanguard.Trust.Roots;

namespace McpVanguard.Trust.Transparency;

/// <summary>
/// Rekor v1's signed entry timestamp (inclusion promise): the log's signature over the canonical JSON
/// {"body","integratedTime","logID","logIndex"} (keys sorted, no spaces), which vouches for the integrated time.
/// </summary>
internal static class SignedEntryTimestamp
{
    public static bool Verify(LogEntry entry, LogAuthority log)
    {
        if (entry.SignedEntryTimestamp is null || entry.IntegratedTime is null)
        {
            return false;
        }

        // Every value here is base64, hex or a decimal integer: none needs JSON escaping, so the canonical form is exact.
        var payload = string.Create(CultureInfo.InvariantCulture,
            $"{{\"body\":\"{Convert.ToBase64String(entry.CanonicalizedBody)}\",\"integratedTime\":{entry.IntegratedTime.Value},\"logID\":\"{Convert.ToHexStringLower(entry.LogId)}\",\"logIndex\":{entry.LogIndex}}}");
        return log.Key.Verify(Encoding.UTF8.GetBytes(payload), entry.SignedEntryTimestamp);
    }
}
