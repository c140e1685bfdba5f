using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace McpVanguard.Inspection.Semantic.Embedded;

/// <summary>
/// Turns a text into MiniLM sentence embeddings (384 floats, mean-pooled and L2-normalised), one per window of
/// word pieces, so a long text is read whole up to a cap instead of being cut at the model's 256 positions.
/// Thread-safe: ONNX Runtime sessions may run concurrently; the tokenizer is used under a lock.
/// </summary>
internal sealed class SentenceEmbedder : IDisposable
{
    /// <summary>The width of one embedding.</summary>
    public const int Dimension = 384;

    private const long ClsId = 101;
    private const long SepId = 102;
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly BertTokenizer _tokenizer;
    private readonly Lock _tokenizerLock = new();
    private readonly InferenceSession _session;
    private readonly int _maxTokens;
    private readonly int _windowTokens;

    private SentenceEmbedder(BertTokenizer tokenizer, InferenceSession session, int maxTokens, int windowTokens)
    {
        _tokenizer = tokenizer;
        _session = session;
        _maxTokens = maxTokens;
        _windowTokens = windowTokens;
    }

    /// <summary>Loads the model (slow: hundreds of milliseconds and about 100 MB).</summary>
    public static SentenceEmbedder Load(MiniLmModelFiles files, EmbeddedModelOptions options)
    {
        // Plain files are opened by ONNX Runtime itself; the NuGet carrier is extracted once per machine to the shared cache,
        // and only when that cannot be written does its resource go through managed memory.
        if (options.SharedCacheDirectory is not "" && files.InSharedCache(options.SharedCacheDirectory ?? EmbeddedModelOptions.DefaultSharedCacheDirectory) is { } plain)
            files = plain;
        var (onnx, vocabulary) = files.OnnxPath is null ? files.Read() : (null, files.ReadVocabulary());
        var tokenizer = new BertTokenizer();
        // all-MiniLM-L6-v2 uses bert-base-uncased's vocabulary: lower-case, accents stripped (NFD).
        using (var reader = new StringReader(vocabulary))
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // The arena stays on: turned off (2026-12-07), the working set after long texts was higher, not lower (303 and
            // 282 MB against 250 MB with it), because the C allocator keeps what ONNX Runtime frees; see docs/SEMANTIC.md.
        };
        var session = onnx is null ? new InferenceSession(files.OnnxPath!, sessionOptions) : new InferenceSession(onnx, sessionOptions);
        return new SentenceEmbedder(tokenizer, session, options.MaxTokens, options.WindowTokens);
    }

    /// <summary>Embeds <paramref name="text"/>; returns one embedding per window and whether the text was cut.</summary>
    public (float[][] Windows, bool Truncated) Embed(string text, CancellationToken cancellationToken)
    {
        var (windows, truncated) = Tokenize(text);
        cancellationToken.ThrowIfCancellationRequested();
        return (Run(windows, cancellationToken), truncated);
    }

    /// <summary>Splits the text's word pieces into windows of at most the window size, each framed by [CLS] … [SEP].</summary>
    internal (List<long[]> Windows, bool Truncated) Tokenize(string text)
    {
        long[] ids;
        int count;
        long[]? tail = null;
        lock (_tokenizerLock)
        {
            (ids, count) = EncodeInto(text, _maxTokens);
            if (count >= _maxTokens)
            {
                // Past the cap, read the end of the text too: an instruction is often put last, after filler.
                var tailStart = Math.Max(0, text.Length - (_windowTokens * 2));
                var (tailIds, tailCount) = EncodeInto(text[tailStart..], _windowTokens);
                tail = tailIds[..tailCount];
            }
        }

        var windows = new List<long[]>();
        var content = ids.AsSpan(1, Math.Max(0, count - 2)); // without the [CLS] and [SEP] the tokenizer added
        var step = _windowTokens - 2;
        for (var start = 0; start < content.Length || windows.Count == 0; start += step)
        {
            var piece = content.Slice(start, Math.Min(step, content.Length - start));
            var window = new long[piece.Length + 2];
            window[0] = ClsId;
            piece.CopyTo(window.AsSpan(1));
            window[^1] = SepId;
            windows.Add(window);
            if (content.Length == 0)
                break;
        }

        if (tail is not null)
            windows.Add(tail);
        return (windows, tail is not null);
    }

    private (long[] Ids, int Count) EncodeInto(string text, int maxTokens)
    {
        var ids = new long[maxTokens];
        var mask = new long[maxTokens];
        var count = _tokenizer.Encode(text, ids, mask);
        return (ids, count);
    }

    private float[][] Run(List<long[]> windows, CancellationToken cancellationToken)
    {
        var batch = windows.Count;
        var length = windows.Max(w => w.Length);
        var ids = new long[batch * length];
        var mask = new long[batch * length];
        var types = new long[batch * length];
        for (var b = 0; b < batch; b++)
        {
            windows[b].CopyTo(ids, b * length);
            mask.AsSpan(b * length, windows[b].Length).Fill(1);
        }

        long[] shape = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        // Cancellation stops the native run instead of waiting for it.
        using var registration = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        cancellationToken.ThrowIfCancellationRequested();

        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var result = new float[batch][];
        for (var b = 0; b < batch; b++)
            result[b] = MeanPool(hidden, mask.AsSpan(b * length, length), b * length * Dimension);
        return result;
    }

    /// <summary>Averages the token vectors the mask keeps, then scales to unit length (sentence-transformers' pooling).</summary>
    private static float[] MeanPool(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, int offset)
    {
        var vector = new float[Dimension];
        var kept = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0)
                continue;
            kept++;
            var token = hidden.Slice(offset + (t * Dimension), Dimension);
            for (var d = 0; d < Dimension; d++)
                vector[d] += token[d];
        }

        var norm = 0.0;
        for (var d = 0; d < Dimension; d++)
        {
            vector[d] /= Math.Max(1, kept);
            norm += vector[d] * vector[d];
        }

        var scale = (float)(1.0 / Math.Max(Math.Sqrt(norm), 1e-12));
        for (var d = 0; d < Dimension; d++)
            vector[d] *= scale;
        return vector;
    }

    public void Dispose() => _session.Dispose();
}
