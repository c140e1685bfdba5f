namespace McpVanguard.SemanticTrainer;

/// <summary>One labelled text for the head: an attack or benign, with where it came from.</summary>
/// <param name="Id">Unique id (a data file's id, or a corpus case id with the unit's index).</param>
/// <param name="Label">True for an attack.</param>
/// <param name="Language">ISO 639-1 code of the text's language.</param>
/// <param name="Subject">What the text is (a <c>SemanticSubject</c> name).</param>
/// <param name="Text">The text as the L2 stage would send it.</param>
/// <param name="Group">Texts of one group (translations of one sentence, units of one case) share a split.</param>
/// <param name="Source">The file it came from.</param>
internal sealed record LabelledText(string Id, bool Label, string Language, string Subject, string Text, string Group, string Source);
