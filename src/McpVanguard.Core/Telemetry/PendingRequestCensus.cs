using System.Runtime.CompilerServices;
using McpVanguard.Sessions;

namespace McpVanguard.Telemetry;

/// <summary>
/// The live pending-request tables, weakly held, so the pending gauge sums what is really in flight: a table that dies
/// with its session leaves the count with it (a counter kept by increments would drift up with every dropped session).
/// </summary>
internal static class PendingRequestCensus
{
    private static readonly ConditionalWeakTable<PendingRequestTable, object?> Tables = new();

    /// <summary>Counts <paramref name="table"/> from now on (once per table, when its session is built).</summary>
    public static void Register(PendingRequestTable table) => Tables.AddOrUpdate(table, null);

    /// <summary>The sum over every live table (read only when an exporter collects).</summary>
    public static long Count()
    {
        long total = 0;
        foreach (var (table, _) in Tables)
        {
            total += table.Count;
        }

        return total;
    }
}
