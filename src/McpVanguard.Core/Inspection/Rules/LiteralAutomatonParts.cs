namespace McpVanguard.Inspection.Rules;

/// <summary>
/// The arrays a <see cref="LiteralAutomaton"/> scans with (see its fields for what each holds): built from the literals
/// at run time, or read from the engine's table image (<see cref="Tables.TableImage"/>) for the built-in automata.
/// </summary>
internal sealed record LiteralAutomatonParts(
    ushort[] ColumnOf,
    int Columns,
    int States,
    int[]? Dense,
    int[] RootRow,
    int[] Base,
    int[] Owner,
    int[] Edges,
    int[] Fail,
    int[][] Outputs,
    (int Length, bool Start, bool End)[] Shape);
