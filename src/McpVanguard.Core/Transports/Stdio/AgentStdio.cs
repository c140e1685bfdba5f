using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;

namespace McpVanguard.Transports.Stdio;

/// <summary>
/// The agent's end of local mode. An agent launches <c>vanguard start</c> with a pipe (Python, the C# SDK) or a socket
/// pair (Node) as stdout; opened as a pipe stream, a message is written at once on the thread that forwards it while the
/// pipe has room, while a console stream runs every asynchronous write as a blocking call on a thread-pool thread (a
/// hand-off per message). A terminal or a file as stdout, and Windows, keep the console stream. Standard input needs no
/// such care: its pump reads it with blocking reads on a thread of its own (<see cref="StdioProxy"/>).
/// </summary>
public static class AgentStdio
{
    /// <summary>Standard output, as a pipe stream when it is a pipe or a socket.</summary>
    public static Stream OpenOutput() => OpenPipe(1, PipeDirection.Out) ?? Console.OpenStandardOutput();

    private static AnonymousPipeClientStream? OpenPipe(int descriptor, PipeDirection direction)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            // Not owned: the descriptor belongs to the process and stays open after the relay is done with it.
            return new AnonymousPipeClientStream(direction, new SafePipeHandle(descriptor, ownsHandle: false));
        }
        catch (IOException)
        {
            // Not a pipe or a socket (the runtime checks with fstat): a terminal or a redirected file.
            return null;
        }
    }
}
