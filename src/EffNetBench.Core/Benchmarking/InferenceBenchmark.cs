using BenchmarkDotNet.Attributes;

namespace EffNetBench.Core.Benchmarking;

/// <summary>The BenchmarkDotNet benchmark: one measured iteration is one <see cref="InferenceRunner.Run"/>.
/// The harness hands over the case's prepared session (created and cold-start timed before BenchmarkDotNet starts,
/// so the stopping rule can use its pilot latency); setup takes it, cleanup disposes it.</summary>
public class InferenceBenchmark
{
    private static InferenceRunner? s_pending;
    private static Action<InferenceRunner>? s_beforeDispose;
    private static bool s_keepOpen;
    private InferenceRunner? _runner;

    /// <summary>The first exception the measured call threw, so the case can report it rather than a bare failure.</summary>
    internal static Exception? LastError { get; private set; }

    /// <param name="beforeDispose">Runs on the still-open session after measurement (the bare-loop reference).</param>
    /// <param name="keepOpen">Cleanup leaves the session open: the caller uses it after the harness and disposes it.</param>
    internal static void HandOver(InferenceRunner runner, Action<InferenceRunner>? beforeDispose, bool keepOpen = false)
    {
        LastError = null;
        s_pending = runner;
        s_beforeDispose = beforeDispose;
        s_keepOpen = keepOpen;
    }

    internal static void ReleaseUnclaimed()
    {
        Interlocked.Exchange(ref s_pending, null)?.Dispose();
        s_beforeDispose = null;
    }

    [GlobalSetup]
    public void Setup() => _runner = Interlocked.Exchange(ref s_pending, null)
        ?? throw new InvalidOperationException("no session was handed over to the benchmark");

    [Benchmark]
    public void Infer()
    {
        try
        {
            _runner!.Run();
        }
        catch (Exception e)
        {
            LastError ??= e;
            throw;
        }
    }

    /// <summary>Resident memory with the session still alive, taken just before cleanup disposes it.</summary>
    internal static long? RssBeforeCleanup { get; private set; }

    [GlobalCleanup]
    public void Cleanup()
    {
        RssBeforeCleanup = ProcessMemory.CurrentRssBytes();
        if (_runner is not null)
        {
            Interlocked.Exchange(ref s_beforeDispose, null)?.Invoke(_runner);
        }

        if (!s_keepOpen)
        {
            _runner?.Dispose();
        }

        _runner = null;
    }
}
