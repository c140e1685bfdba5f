namespace McpVanguard.Inspection.Rules;

/// <summary>One step of a <see cref="PhrasePattern"/> program: what it tests, and where it goes (<see cref="PhraseOp"/> says which fields count).</summary>
/// <param name="Value">The character of <see cref="PhraseOp.Char"/>.</param>
/// <param name="X">The class index of a class step; the target of a jump; the preferred target of a split.</param>
/// <param name="Y">The other target of a split.</param>
internal readonly record struct PhraseInstruction(PhraseOp Op, char Value = '\0', int X = 0, int Y = 0);

/// <summary>The operations of a phrase program: Thompson's, plus the three assertions the subset allows.</summary>
internal enum PhraseOp : byte
{
    /// <summary>Consumes one given character.</summary>
    Char,

    /// <summary>Consumes one character of a <see cref="PhraseClass"/>.</summary>
    Class,

    /// <summary>Consumes one white-space character (<c>\s</c>).</summary>
    Space,

    /// <summary>Goes on at X first, then at Y (X is preferred: the backtracking order).</summary>
    Split,

    /// <summary>Goes on at X.</summary>
    Jump,

    /// <summary><c>\b</c>: a word character on exactly one side.</summary>
    AssertBoundary,

    /// <summary><c>^</c> without Multiline: the start of the text.</summary>
    AssertBegin,

    /// <summary><c>$</c> without Multiline: the end of the text, or just before a final line feed.</summary>
    AssertEnd,

    /// <summary><c>\z</c>: the end of the text only.</summary>
    AssertEndOnly,

    /// <summary>A match ends here.</summary>
    Match,
}
