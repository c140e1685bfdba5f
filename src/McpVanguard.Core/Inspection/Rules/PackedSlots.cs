namespace McpVanguard.Inspection.Rules;

/// <summary>
/// The slots of a packed automaton while it is built (<see cref="LiteralAutomaton"/>): who owns each slot and where its
/// edge leads, with the free slots in an ascending doubly linked list so that a first-fit search skips taken slots at once.
/// </summary>
internal sealed class PackedSlots(int capacity)
{
    private const int None = -1;

    private int[] _owner = new int[Math.Max(capacity, 16)];
    private int[] _edge = new int[Math.Max(capacity, 16)];
    private int[] _next = new int[Math.Max(capacity, 16)];
    private int[] _prev = new int[Math.Max(capacity, 16)];
    private int _count;
    private int _head = None;
    private int _tail = None;

    /// <summary>The lowest base at which every one of <paramref name="columns"/> (ascending, non-empty) falls on a free slot.</summary>
    public int FirstFit(List<int> columns)
    {
        var first = columns[0];
        for (var free = _head; free != None; free = _next[free])
        {
            // Only a base that puts the first column on a free slot can fit: the candidates are exactly the free slots.
            var b = free - first;
            if (b >= 0 && Fits(b, columns))
            {
                return b;
            }
        }

        // Past the end every slot is free.
        return Math.Max(0, _count - first);
    }

    /// <summary>Gives <paramref name="slot"/> (free) to <paramref name="state"/>, with the edge to <paramref name="target"/>.</summary>
    public void Take(int slot, int state, int target)
    {
        while (_count <= slot)
        {
            Append();
        }

        var prev = _prev[slot];
        var next = _next[slot];
        if (prev == None)
        {
            _head = next;
        }
        else
        {
            _next[prev] = next;
        }

        if (next == None)
        {
            _tail = prev;
        }
        else
        {
            _prev[next] = prev;
        }

        _owner[slot] = state;
        _edge[slot] = target;
    }

    /// <summary>Each slot's owning state (-1 when free).</summary>
    public int[] Owners() => _owner.AsSpan(0, _count).ToArray();

    /// <summary>Each slot's target state (0 when free).</summary>
    public int[] Edges() => _edge.AsSpan(0, _count).ToArray();

    private bool Fits(int b, List<int> columns)
    {
        foreach (var column in columns)
        {
            var slot = b + column;
            if (slot < _count && _owner[slot] != None)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds one free slot at the end, last in the free list.</summary>
    private void Append()
    {
        if (_count == _owner.Length)
        {
            var size = _owner.Length * 2;
            Array.Resize(ref _owner, size);
            Array.Resize(ref _edge, size);
            Array.Resize(ref _next, size);
            Array.Resize(ref _prev, size);
        }

        var slot = _count++;
        _owner[slot] = None;
        _edge[slot] = 0;
        _next[slot] = None;
        _prev[slot] = _tail;
        if (_tail == None)
        {
            _head = slot;
        }
        else
        {
            _next[_tail] = slot;
        }

        _tail = slot;
    }
}
