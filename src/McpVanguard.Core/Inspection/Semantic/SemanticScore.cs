namespace McpVanguard.Inspection.Semantic;

/// <summary>A scorer's answer: 0.0 (benign) to 1.0 (attack), a category and a one-line reason.</summary>
public sealed record SemanticScore(double Score, string Category, string Reason);
