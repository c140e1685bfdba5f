using System.Reflection;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// How an executable gives the engine its precompiled tables: the table image its build embedded (see
/// <see cref="TableImage"/>), installed before anything reads the rules or the lexicon.
/// </summary>
public static class PrecompiledTables
{
    /// <summary>The manifest resource name of the image in the executable (its build writes it with tools/McpVanguard.TableCompiler).</summary>
    public const string ResourceName = "McpVanguard.EngineTables.bin";

    /// <summary>
    /// Installs the image embedded in <paramref name="assembly"/>. False when there is none or it is not of this layout:
    /// nothing is lost but time, as every table is then built at run time.
    /// </summary>
    public static unsafe bool InstallFrom(Assembly assembly)
    {
        using var stream = assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return false;
        }

        try
        {
            // A resource of a loaded assembly is memory mapped with it and lives as long as the process: read in place.
            if (stream is UnmanagedMemoryStream mapped && mapped.Length <= int.MaxValue)
            {
                TableImage.Install(TableImage.Read(mapped.PositionPointer, (int)mapped.Length));
                return true;
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            TableImage.Install(TableImage.Read(bytes));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// How start-up got its tables so far, for the start-up line: <c>precompiled (N read, M built)</c>, where M counts the
    /// tables the image lacked (0 unless a rules directory adds patterns, or a source changed after the image was built).
    /// </summary>
    public static string Summary
        => TableImage.Current is { } image
            ? FormattableString.Invariant($"precompiled ({image.Counts.Hits} read, {image.Counts.Misses} built)")
            : "built at start-up (no precompiled image)";
}
