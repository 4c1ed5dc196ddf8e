using System.Collections.Immutable;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Isolation;

/// <summary>What a worker process is asked (worker-request.json): probe the runtime and <paramref name="Probe"/>'s
/// providers, or measure <paramref name="Case"/>. The run's settings rebuild its <see cref="RunRequest"/>.</summary>
/// <param name="BenchmarkDotNetLog">Write BenchmarkDotNet's log to standard output (the parent echoes it with --verbose).</param>
/// <param name="OrtLibrary">The native ONNX Runtime the worker loads (--ort-lib), or null for the bundled one.</param>
/// <param name="StartedTimestamp">The parent's <see cref="System.Diagnostics.Stopwatch"/> timestamp just before it started
/// the worker (the monotonic clock is shared by processes), the zero of <see cref="ColdStart.ProcessToRuntime"/>.</param>
public sealed record WorkerRequest(
    RunSettings Settings,
    ProviderSettings ProviderSettings,
    string? CacheDirectory,
    bool CheckOverhead,
    bool BenchmarkDotNetExports,
    bool BenchmarkDotNetLog,
    string? OrtLibrary,
    ImmutableArray<ExecutionProvider>? Probe,
    PlannedCase? Case,
    CaseResult? ModelCase,
    string? ArtifactsDirectory,
    long StartedTimestamp)
{
    /// <summary>Measure this machine's peaks on one provider and thread setting instead (`run --profile`); null
    /// otherwise. Additive.</summary>
    public PeakRequest? Peaks { get; init; }

    public RunRequest ToRunRequest(TextWriter? log) =>
        new(Settings, ProviderSettings, CacheDirectory, CheckOverhead, log, BenchmarkDotNetExports);
}

/// <summary>What a worker answers (worker-result.json): the probe's runtime and providers, or the measured case,
/// or why it could not be measured.</summary>
/// <param name="Unavailable">The case cannot run on this platform (recorded as skipped).</param>
/// <param name="Error">The case failed in a way the worker caught ("Type: message").</param>
/// <param name="ReadyMs">From the worker's start to ONNX Runtime loaded, in milliseconds.</param>
public sealed record WorkerReply(
    RuntimeInfo? Runtime,
    ImmutableArray<ProviderStatus>? Providers,
    CaseResult? Result,
    string? Unavailable,
    string? Error,
    FailureKind? ErrorKind,
    double? ReadyMs)
{
    /// <summary>The peaks measured for <see cref="WorkerRequest.Peaks"/>. Additive.</summary>
    public MachinePeaks? Peaks { get; init; }
}

/// <summary>Which peaks a worker measures: the provider's name ("cpu") and intra-op threads (null for the default).</summary>
public sealed record PeakRequest(string Provider, int? Threads);
