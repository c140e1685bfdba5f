namespace McpVanguard.ConformanceServer.Tools;

/// <summary>The smallest valid media the content scenarios need: a 1×1 blue-ish RGB PNG and an empty 8 kHz mono WAV.</summary>
internal static class TestMedia
{
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNQSFgAAAHEASFiX4r9AAAAAElFTkSuQmCC");

    public static readonly byte[] Wav = BuildSilentWav();

    /// <summary>A RIFF/WAVE header with 16-bit PCM, 8 kHz, mono and one silent sample.</summary>
    private static byte[] BuildSilentWav()
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        const int sampleRate = 8000;
        const short bitsPerSample = 16;
        const short channels = 1;
        var data = new byte[2];
        writer.Write("RIFF"u8);
        writer.Write(36 + data.Length);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write(channels);
        writer.Write(sampleRate);
        writer.Write(sampleRate * channels * bitsPerSample / 8);
        writer.Write((short)(channels * bitsPerSample / 8));
        writer.Write(bitsPerSample);
        writer.Write("data"u8);
        writer.Write(data.Length);
        writer.Write(data);
        writer.Flush();
        return stream.ToArray();
    }
}
