using System.Text.Json;
using System.Text.Json.Serialization;

namespace McpVanguard.Inspection.Semantic.Embedded;

/// <summary>
/// A logistic-regression head over MiniLM embeddings, trained by <c>tools/McpVanguard.SemanticTrainer</c>:
/// P(attack) = sigmoid(weights · embedding + bias), flagged at or above <see cref="Threshold"/>.
/// </summary>
public sealed record ClassifierHead
{
    /// <summary>The only format this reader accepts.</summary>
    public const string CurrentFormat = "mcpvanguard-semantic-head/1";

    /// <summary>The format tag, <see cref="CurrentFormat"/>.</summary>
    public required string Format { get; init; }

    /// <summary>The embedding model the head was trained on (the scorer refuses any other).</summary>
    public required string Model { get; init; }

    /// <summary>One weight per embedding dimension.</summary>
    public required float[] Weights { get; init; }

    /// <summary>The intercept.</summary>
    public required double Bias { get; init; }

    /// <summary>The probability at or above which a text is an attack (chosen on the validation split).</summary>
    public required double Threshold { get; init; }

    /// <summary>How the head was made and what it scored on data it never saw (documentation only).</summary>
    public JsonElement? Training { get; init; }

    /// <summary>P(attack) for one embedding.</summary>
    public double Probability(ReadOnlySpan<float> embedding)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Length; i++)
            z += Weights[i] * embedding[i];
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>Reads and validates a head; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static ClassifierHead Parse(ReadOnlySpan<byte> json, string source)
    {
        ClassifierHead? head;
        try
        {
            head = JsonSerializer.Deserialize(json, ClassifierHeadJsonContext.Default.ClassifierHead);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"classifier head {source} is not valid JSON: {e.Message}", e);
        }

        if (head is null)
            throw new InvalidDataException($"classifier head {source} is empty");
        var problem = head.Validate();
        return problem is null ? head : throw new InvalidDataException($"classifier head {source}: {problem}");
    }

    /// <summary>Reads the head shipped inside this assembly.</summary>
    public static ClassifierHead LoadShipped()
    {
        const string name = "McpVanguard.Semantic.Embedded.minilm-head.json";
        using var stream = typeof(ClassifierHead).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"the shipped classifier head {name} is missing from the assembly");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(bytes, "(shipped)");
    }

    /// <summary>Writes the head as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ClassifierHeadJsonContext.Default.ClassifierHead);

    private string? Validate()
    {
        if (Format != CurrentFormat)
            return $"format is '{Format}', expected '{CurrentFormat}'";
        if (Model != EmbeddedSemanticScorer.ModelName)
            return $"trained on '{Model}', but the scorer runs '{EmbeddedSemanticScorer.ModelName}'";
        if (Weights is null || Weights.Length != SentenceEmbedder.Dimension)
            return $"has {Weights?.Length ?? 0} weights, expected {SentenceEmbedder.Dimension}";
        if (Weights.Any(w => !float.IsFinite(w)) || !double.IsFinite(Bias))
            return "has a weight or bias that is not a finite number";
        if (Threshold is <= 0 or >= 1 || double.IsNaN(Threshold))
            return $"threshold {Threshold} is not strictly between 0 and 1";
        return null;
    }
}

/// <summary>Source-generated JSON for <see cref="ClassifierHead"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ClassifierHead))]
internal sealed partial class ClassifierHeadJsonContext : JsonSerializerContext;
