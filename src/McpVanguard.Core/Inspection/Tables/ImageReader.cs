using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// Reads what <see cref="ImageWriter"/> wrote, from a position in the image: each value is one bounds-checked copy out
/// of the image (a malformed image throws <see cref="FormatException"/>, and the caller builds the table at run time).
/// </summary>
internal ref struct ImageReader(ReadOnlySpan<byte> image, int position)
{
    private readonly ReadOnlySpan<byte> _image = image;

    public int Position { get; private set; } = position;

    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public ulong Long() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public bool Bool() => Take(1)[0] != 0;

    public byte Byte() => Take(1)[0];

    public string? String()
    {
        var length = Int();
        return length < 0 ? null : new string(MemoryMarshal.Cast<byte, char>(Take(checked(length * 2))));
    }

    public string RequiredString() => String() ?? throw new FormatException("A required string of the table image is missing.");

    /// <summary>The UTF-16 units of the next string, without copying them (to compare a key); the reader moves past it.</summary>
    public ReadOnlySpan<char> StringSpan()
    {
        var length = Int();
        return length < 0 ? throw new FormatException("A key of the table image is missing.") : MemoryMarshal.Cast<byte, char>(Take(checked(length * 2)));
    }

    public string[] Strings()
    {
        var values = new string[Count()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = RequiredString();
        }

        return values;
    }

    public int[] Ints() => MemoryMarshal.Cast<byte, int>(Take(checked(Count() * 4))).ToArray();

    public ushort[] UShorts() => MemoryMarshal.Cast<byte, ushort>(Take(checked(Count() * 2))).ToArray();

    /// <summary>A length written before a list or array: never negative, never past the image.</summary>
    public int Count()
    {
        var count = Int();
        return count < 0 || count > _image.Length ? throw new FormatException("A length in the table image is out of range.") : count;
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || Position > _image.Length - length)
        {
            throw new FormatException("The table image ends early.");
        }

        var slice = _image.Slice(Position, length);
        Position += length;
        return slice;
    }
}
