using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace McpVanguard.Inspection.Semantic.Embedded;

/// <summary>
/// The offline L2 scorer: MiniLM sentence embeddings, computed in process by ONNX Runtime, rated by the project's
/// classifier head. The model loads on the first score (or <see cref="WarmUpAsync"/>), never at start-up.
/// </summary>
public sealed class EmbeddedSemanticScorer : ISemanticScorer, IDisposable
{
    /// <summary>The embedding model, as audited.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>The category of a text at or above the threshold.</summary>
    public const string AttackCategory = "semantic-attack";

    /// <summary>The category of a text below the threshold.</summary>
    public const string BenignCategory = "benign";

    private readonly Lazy<SentenceEmbedder> _embedder;
    private readonly Lazy<Task> _load;
    private readonly ClassifierHead _head;

    private EmbeddedSemanticScorer(MiniLmModelFiles files, ClassifierHead head, EmbeddedModelOptions options)
    {
        _head = head;
        ModelLocation = files.Location;
        // One load, shared by every caller; a failed load is retried by nobody (the stage fails closed on the throw).
        _embedder = new Lazy<SentenceEmbedder>(() => SentenceEmbedder.Load(files, options), LazyThreadSafetyMode.ExecutionAndPublication);

        // Ready means one inference has run: ONNX Runtime's first run allocates its buffers and plans the graph (hundreds of
        // milliseconds on a busy machine), a one-off cost that belongs to the load, not to the first message's budget.
        _load = new Lazy<Task>(() => Task.Run(() => _ = _embedder.Value.Embed(WarmUpText, CancellationToken.None)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The text of the load's one inference: a short everyday sentence.</summary>
    private const string WarmUpText = "The build finished and all tests passed.";

    /// <inheritdoc/>
    public string Provider => "embedded";

    /// <inheritdoc/>
    public string Model => ModelName;

    /// <summary>The shipped operating point: a score at or above it is an attack.</summary>
    public double Threshold => _head.Threshold;

    /// <inheritdoc/>
    double ISemanticScorer.DefaultThreshold => Threshold;

    /// <summary>Where the model files were found.</summary>
    public string ModelLocation { get; }

    /// <summary>True once the model is in memory.</summary>
    public bool IsLoaded => _embedder.IsValueCreated;

    /// <summary>The model's load and first inference on a thread-pool thread (started by the first read); faults if the load fails.</summary>
    public Task Ready => _load.Value;

    /// <summary>
    /// Checks that the model files, the classifier head and the ONNX Runtime native library are all there, without
    /// loading the model. Never throws: a missing part is returned as <see cref="EmbeddedScorerCreation.Reason"/>.
    /// </summary>
    public static EmbeddedScorerCreation Create(EmbeddedModelOptions? options = null)
    {
        options ??= EmbeddedModelOptions.Default;
        var invalid = options.Validate();
        if (invalid is not null)
            return new EmbeddedScorerCreation(null, "embedded model options: " + invalid);

        var files = MiniLmModelFiles.Find(options.ModelDirectory, out var reason);
        if (files is null)
            return new EmbeddedScorerCreation(null, reason);

        ClassifierHead head;
        try
        {
            head = options.HeadPath is null
                ? ClassifierHead.LoadShipped()
                : ClassifierHead.Parse(File.ReadAllBytes(options.HeadPath), options.HeadPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return new EmbeddedScorerCreation(null, e.Message);
        }

        if (!NativeLibrary.TryLoad("onnxruntime", typeof(InferenceSession).Assembly, null, out _))
        {
            return new EmbeddedScorerCreation(null,
                $"the ONNX Runtime native library for {RuntimeInformation.RuntimeIdentifier} is missing");
        }

        return new EmbeddedScorerCreation(new EmbeddedSemanticScorer(files, head, options), null);
    }

    /// <summary>Loads the model in the background so the first scored message does not wait for it (<see cref="Ready"/>).</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => Ready.WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<SemanticScore> ScoreAsync(SemanticRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The model runs on the thread pool so the relay's loop never computes an embedding itself.
        return await Task.Run(() => Score(request.Text, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scores synchronously (the trainer's and the benchmark's entry point).</summary>
    internal SemanticScore Score(string text, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (windows, truncated) = _embedder.Value.Embed(text, cancellationToken);
        var best = 0.0;
        var bestWindow = 0;
        for (var i = 0; i < windows.Length; i++)
        {
            var p = _head.Probability(windows[i]);
            if (p > best)
                (best, bestWindow) = (p, i);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var category = best >= _head.Threshold ? AttackCategory : BenignCategory;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"MiniLM head p={best:0.000} (threshold {_head.Threshold:0.000}) on window {bestWindow + 1} of {windows.Length}{(truncated ? ", text past the token cap read as a tail window" : "")}, {elapsed.TotalMilliseconds:0.0} ms");
        return new SemanticScore(best, category, reason);
    }

    /// <summary>The embeddings of a text, one per window (for the trainer).</summary>
    internal float[][] Embed(string text, CancellationToken cancellationToken) => _embedder.Value.Embed(text, cancellationToken).Windows;

    public void Dispose()
    {
        if (_embedder.IsValueCreated)
            _embedder.Value.Dispose();
    }
}
