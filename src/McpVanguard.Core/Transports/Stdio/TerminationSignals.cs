using System.Runtime.InteropServices;

namespace McpVanguard.Transports.Stdio;

/// <summary>One handler for SIGINT, SIGTERM and SIGHUP, registered together and released together.</summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    private TerminationSignals(Action<PosixSignalContext> handler)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, handler),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, handler),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, handler),
        ];
    }

    public static TerminationSignals Register(Action<PosixSignalContext> handler) => new(handler);

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }
    }
}
