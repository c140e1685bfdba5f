using System.Text.Json;
using McpVanguard.Inspection.Semantic;

namespace McpVanguard.Semantic;

/// <summary>
/// Reads the judge's answer strictly: one JSON object with a numeric <c>score</c> in 0..1, a string <c>category</c> and
/// a string <c>reason</c>, optionally inside one markdown code fence. Anything else (a refusal, prose, a truncated or
/// duplicated object, a score as text) is rejected, and the stage applies its failure policy.
/// </summary>
internal static class JudgeAnswer
{
    private const int MaxAnswerChars = 4096;

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 4 };

    public static SemanticScore Parse(string? answer)
    {
        var text = (answer ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw Malformed("an empty answer (a refusal?)");
        }

        if (text.Length > MaxAnswerChars)
        {
            throw Malformed("an answer too long to be the requested object");
        }

        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
            if (firstLine < 0 || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < firstLine + 4)
            {
                throw Malformed("an unterminated code fence");
            }

            text = text[(firstLine + 1)..^3].Trim();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Strict);
        }
        catch (JsonException)
        {
            throw Malformed("an answer that is not one JSON object (prose, a refusal or a truncated object)");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("JSON that is not an object");
            }

            if (!root.TryGetProperty("score", out var scoreElement) || scoreElement.ValueKind != JsonValueKind.Number
                || !scoreElement.TryGetDouble(out var score) || !double.IsFinite(score) || score is < 0 or > 1)
            {
                throw Malformed("no numeric score from 0 to 1");
            }

            if (!root.TryGetProperty("category", out var category) || category.ValueKind != JsonValueKind.String)
            {
                throw Malformed("no category");
            }

            if (!root.TryGetProperty("reason", out var reason) || reason.ValueKind != JsonValueKind.String)
            {
                throw Malformed("no reason");
            }

            return new SemanticScore(score, category.GetString()!.Trim().ToLowerInvariant(), reason.GetString()!.Trim());
        }
    }

    private static SemanticProviderException Malformed(string what) => new($"the judge gave {what}");
}
