using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace McpVanguard.Transports.Stdio;

/// <summary>
/// Starts child processes from one thread that lives as long as vanguard. Linux delivers a parent-death signal
/// (<c>PR_SET_PDEATHSIG</c>) when the thread that forked the child exits, not the process: a child forked from a
/// thread-pool thread would be signalled when the pool retires that thread, with vanguard still running.
/// </summary>
internal sealed class LaunchThread
{
    private readonly BlockingCollection<LaunchRequest> _requests = [];

    private LaunchThread()
    {
        // A background thread: it must not keep the process alive, and it dies only with the process.
        new Thread(Run) { IsBackground = true, Name = "vanguard child launcher" }.Start();
    }

    public static LaunchThread Shared { get; } = new();

    /// <summary>Starts <paramref name="info"/> on the launcher thread and waits for the result (a fork and exec take microseconds).</summary>
    public Process Start(ProcessStartInfo info)
    {
        using var request = new LaunchRequest(info);
        _requests.Add(request);
        request.Done.Wait();
        request.Error?.Throw();
        return request.Process ?? throw new InvalidOperationException("The launcher thread returned no process.");
    }

    private void Run()
    {
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            try
            {
                request.Process = Process.Start(request.Info);
            }
            catch (Exception ex)
            {
                // Handed back to the caller, which reports a start failure as before.
                request.Error = ExceptionDispatchInfo.Capture(ex);
            }

            request.Done.Set();
        }
    }

    private sealed class LaunchRequest(ProcessStartInfo info) : IDisposable
    {
        public ProcessStartInfo Info { get; } = info;

        public ManualResetEventSlim Done { get; } = new();

        public Process? Process { get; set; }

        public ExceptionDispatchInfo? Error { get; set; }

        public void Dispose() => Done.Dispose();
    }
}
