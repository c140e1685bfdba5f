using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// Appends the primitive values of a <see cref="TableImage"/>: little-endian integers, strings as their UTF-16 units and
/// arrays as one block, each prefixed by its length, so that <see cref="ImageReader"/> reads them back with one copy each.
/// </summary>
internal sealed class ImageWriter
{
    private readonly MemoryStream _stream = new();

    public int Position => (int)_stream.Position;

    public void Int(int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        _stream.Write(buffer);
    }

    public void Long(ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        _stream.Write(buffer);
    }

    public void Bool(bool value) => _stream.WriteByte(value ? (byte)1 : (byte)0);

    public void Byte(byte value) => _stream.WriteByte(value);

    /// <summary>A string, or null (length −1).</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Int(-1);
            return;
        }

        Int(value.Length);
        _stream.Write(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    public void Strings(IReadOnlyCollection<string> values)
    {
        Int(values.Count);
        foreach (var value in values)
        {
            String(value);
        }
    }

    public void Ints(ReadOnlySpan<int> values)
    {
        Int(values.Length);
        _stream.Write(MemoryMarshal.AsBytes(values));
    }

    public void UShorts(ReadOnlySpan<ushort> values)
    {
        Int(values.Length);
        _stream.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Overwrites the integer at <paramref name="position"/> (a length or an offset known only later).</summary>
    public void PatchInt(int position, int value)
    {
        var end = _stream.Position;
        _stream.Position = position;
        Int(value);
        _stream.Position = end;
    }

    public byte[] ToArray() => _stream.ToArray();
}
