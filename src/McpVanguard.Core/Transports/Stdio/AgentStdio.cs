using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace McpVanguard.Transports.Stdio;

/// <summary>
/// The agent's end of local mode. An agent launches <c>vanguard start</c> with a pipe (Python, the C# SDK) or a socket
/// pair (Node) as stdout; opened as a pipe stream, a message is written at once on the thread that forwards it while the
/// pipe has room, while a console stream runs every asynchronous write as a blocking call on a thread-pool thread (a
/// hand-off per message). A terminal or a file as stdout, and other systems than Linux, keep the console stream. Standard
/// input needs no such care: its pump reads it with blocking reads on a thread of its own (<see cref="StdioProxy"/>).
/// </summary>
public static partial class AgentStdio
{
    /// <summary>Standard output, as a pipe stream when it is a pipe or a socket.</summary>
    public static Stream OpenOutput() => OpenPipe(1, PipeDirection.Out) ?? Console.OpenStandardOutput();

    private static AnonymousPipeClientStream? OpenPipe(int descriptor, PipeDirection direction)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // The stream owns a duplicate of the descriptor, never the descriptor itself: a pipe handle that does not own its
        // descriptor never releases the socket the runtime wraps around it for asynchronous writes, so disposing it (or
        // the finalizer, once the relay is done with it) spins for ever in SafeSocketHandle.CloseAsIs, and the runtime's
        // shutdown waits for that finalizer: `vanguard start` then never exits after its agent hung up (dotnet/runtime
        // #40301 is the same loop). The duplicate is closed with the stream; descriptor 1 stays open for the process.
        var duplicate = DuplicateCloseOnExec(descriptor, FDupFdCloExec, 0);
        if (duplicate < 0)
        {
            return null;
        }

        var handle = new SafePipeHandle(duplicate, ownsHandle: true);
        try
        {
            return new AnonymousPipeClientStream(direction, handle);
        }
        catch (IOException)
        {
            // Not a pipe or a socket (the runtime checks with fstat): a terminal or a redirected file.
            handle.Dispose();
            return null;
        }
    }

    /// <summary>Linux's <c>F_DUPFD_CLOEXEC</c>: the duplicate is not inherited by a child started later.</summary>
    private const int FDupFdCloExec = 1030;

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int DuplicateCloseOnExec(int descriptor, int command, int lowest);
}
