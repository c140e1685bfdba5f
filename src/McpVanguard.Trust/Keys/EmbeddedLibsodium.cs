using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace McpVanguard.Trust.Keys;

/// <summary>
/// Loads libsodium (NSec's Ed25519) in a Native AOT binary, which has no single-file bundle to carry it: the AOT publish
/// embeds the library in the executable (McpVanguard.Cli.csproj), and this resolver writes it once to a private folder
/// named by its SHA-256 and loads it from there. Elsewhere (a library beside the binary, a dotnet install) nothing changes.
/// </summary>
internal static class EmbeddedLibsodium
{
    /// <summary>The manifest resource name the AOT publish gives the library.</summary>
    public const string ResourceName = "native/libsodium";

    private static int _registered;

    /// <summary>Registers the resolver for NSec's assembly (once; later calls do nothing).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NSec.Cryptography.Key).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != "libsodium")
        {
            return IntPtr.Zero;
        }

        // The usual probing first: a libsodium beside the executable or in the runtime's native folders wins.
        if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle))
        {
            return handle;
        }

        using var stream = Assembly.GetEntryAssembly()?.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return IntPtr.Zero;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var hash = SHA256.HashData(bytes);
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "mcp-vanguard", "native", Convert.ToHexStringLower(hash));
        var file = Path.Combine(folder, OperatingSystem.IsWindows() ? "libsodium.dll" : OperatingSystem.IsMacOS() ? "libsodium.dylib" : "libsodium.so");
        try
        {
            // A file already there is used only if it is byte for byte the embedded one; otherwise it is replaced atomically.
            if (!File.Exists(file) || !SHA256.HashData(File.ReadAllBytes(file)).AsSpan().SequenceEqual(hash))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(folder);
                }
                else
                {
                    Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
                var temporary = file + "." + Environment.ProcessId + ".tmp";
                File.WriteAllBytes(temporary, bytes);
                File.Move(temporary, file, overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No writable folder: Ed25519 stays unavailable and verification fails closed (SigstorePublicKey says so).
            return IntPtr.Zero;
        }

        return NativeLibrary.TryLoad(file, out handle) ? handle : IntPtr.Zero;
    }
}
