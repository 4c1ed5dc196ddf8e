using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Everything a run needs: the recorded settings plus how to reach providers and the model cache.</summary>
/// <param name="CheckOverhead">Also time a bare ONNX Runtime Run loop on the same session and record it next to the harness's figures.</param>
/// <param name="BenchmarkDotNetLog">Echo BenchmarkDotNet's log here (--verbose), or null.</param>
/// <param name="BenchmarkDotNetExports">Also write BenchmarkDotNet's Markdown/JSON reports and CSV measurements into each
/// case's bdn folder (--bdn-exports); its log is written either way.</param>
/// <param name="CaseTimeout">How long one case's worker process may take (--case-timeout); null for
/// <see cref="Isolation.ProcessCaseMeasurer.DefaultTimeout"/>.</param>
/// <param name="RemeasurePeaks">`run --remeasure-peaks`: measure the machine's peaks again instead of reading them from the cache.</param>
public sealed record RunRequest(
    RunSettings Settings,
    ProviderSettings ProviderSettings,
    string? CacheDirectory = null,
    bool CheckOverhead = false,
    TextWriter? BenchmarkDotNetLog = null,
    bool BenchmarkDotNetExports = false,
    TimeSpan? CaseTimeout = null,
    bool RemeasurePeaks = false)
{
    /// <summary>What every session of the run is created with: the given provider options with the run's recorded
    /// `--graph-opt` and `--spin` (<see cref="RunSettings.GraphOptimization"/>, <see cref="RunSettings.Spin"/>), so no
    /// session (timed, profiled, end-to-end, resumed, or in a worker) can miss one.</summary>
    public ProviderSettings ProviderSettings { get; init; } =
        ProviderSettings with { GraphOptimization = Settings.GraphOptimization, Spin = Settings.Spin };
}
