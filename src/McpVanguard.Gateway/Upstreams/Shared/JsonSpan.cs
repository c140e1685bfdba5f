namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>Where one JSON value sits in a message (its bytes, quotes included); empty when the field is absent.</summary>
internal readonly record struct JsonSpan(int Start, int Length)
{
    public bool Found => Length > 0;

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> json) => json.Slice(Start, Length);
}
