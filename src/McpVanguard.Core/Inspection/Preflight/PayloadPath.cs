using System.Globalization;

namespace McpVanguard.Inspection.Preflight;

/// <summary>
/// A container (object or array) of a payload, linked to its parent: what a <see cref="PayloadString"/>'s JSON Pointer is
/// built from, only when someone asks for it (a finding's edit, a run of strings under a list item). A message's walk
/// makes one of these per container, not one pointer string per string (most messages never need a pointer).
/// </summary>
internal sealed class PayloadPath
{
    private readonly PayloadPath? _parent;
    private readonly string? _name;
    private readonly int _index;
    private string? _pointer;

    /// <summary>The node of the walk's root, whose pointer is given (<c>/result</c>, <c>/params</c>).</summary>
    public PayloadPath(string rootPointer)
    {
        _pointer = rootPointer;
        Segments = rootPointer.Count('/');
    }

    /// <summary>The child of <paramref name="parent"/> under property <paramref name="name"/>, or at <paramref name="index"/> when the name is null.</summary>
    public PayloadPath(PayloadPath parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
        Segments = parent.Segments + 1;
    }

    /// <summary>How many reference tokens the pointer has (the number of <c>/</c> in it).</summary>
    public int Segments { get; }

    /// <summary>The RFC 6901 pointer of this node, built on first use and kept.</summary>
    public string Pointer => _pointer ??= Child(_parent!.Pointer, _name, _index);

    /// <summary>The pointer of the child of <paramref name="pointer"/> under <paramref name="name"/> (or at <paramref name="index"/>).</summary>
    public static string Child(string pointer, string? name, int index)
        => name is null ? pointer + "/" + index.ToString(CultureInfo.InvariantCulture) : pointer + "/" + Policy.MessageEdit.Escape(name);
}
