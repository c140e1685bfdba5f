using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;

namespace McpVanguard.Transports.Stdio;

/// <summary>
/// The agent's end of local mode. An agent launches <c>vanguard start</c> with pipes (Python, the C# SDK) or a socket
/// pair (Node) as stdin and stdout; opened as pipe streams they read and write asynchronously through the runtime's
/// event loop, while a console stream runs every read and write as a blocking call on a thread-pool thread (a hand-off
/// per message each way). A terminal or a file as stdin/stdout, and Windows, keep the console streams.
/// </summary>
public static class AgentStdio
{
    /// <summary>Standard input, as an asynchronous pipe stream when it is a pipe or a socket.</summary>
    public static Stream OpenInput() => OpenPipe(0, PipeDirection.In) ?? Console.OpenStandardInput();

    /// <summary>Standard output, as an asynchronous pipe stream when it is a pipe or a socket.</summary>
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
