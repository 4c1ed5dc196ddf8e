using System.Collections.Immutable;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking;

/// <summary>An <see cref="ICaseMeasurer"/> without ONNX Runtime or BenchmarkDotNet: every case "measures" instantly to
/// fixed samples unless <see cref="Behaviour"/> says otherwise, and every call is recorded.</summary>
internal sealed class FakeCaseMeasurer : ICaseMeasurer
{
    public const string OrtVersion = "0.0.0-fake";

    public static readonly ImmutableArray<double> Samples = [1.0, 1.2, 0.9, 1.1, 1.0, 1.05, 0.95, 1.0, 1.1, 0.9];

    /// <summary>Providers that are not usable here, with the probe's reason; every other provider is usable.</summary>
    public Dictionary<ExecutionProvider, string> Unusable { get; } = [];

    /// <summary>What measuring a case does (throw, sleep, cancel...); null measures it to <see cref="Samples"/>.</summary>
    public Func<PlannedCase, CaseResult>? Behaviour { get; set; }

    public List<ExecutionProvider> Probed { get; } = [];

    public List<(PlannedCase Planned, CaseResult? ModelCase, string Artifacts)> Calls { get; } = [];

    public IEnumerable<string> Measured => Calls.Select(c => c.Planned.Id);

    public RuntimeInfo Runtime() => new(OrtVersion, "/fake/libonnxruntime.so", ["CPUExecutionProvider", "CUDAExecutionProvider"]);

    public ProviderStatus Probe(ExecutionProvider provider)
    {
        Probed.Add(provider);
        string ortName = ExecutionProviders.OrtName(provider);
        return Unusable.TryGetValue(provider, out string? reason)
            ? new ProviderStatus(provider, ortName, true, false, reason)
            : new ProviderStatus(provider, ortName, true, true, null);
    }

    public CaseResult Measure(PlannedCase planned, CaseResult? modelCase, string artifactsDirectory)
    {
        Calls.Add((planned, modelCase, artifactsDirectory));
        return Behaviour is null ? Ok(planned) : Behaviour(planned);
    }

    /// <summary>A measured case with <see cref="Samples"/> (times <paramref name="scale"/>).</summary>
    public static CaseResult Ok(PlannedCase planned, double scale = 1)
    {
        ImmutableArray<double> samples = [.. Samples.Select(s => s * scale)];
        var statistics = LatencyStatistics.From(samples);
        return new CaseResult(planned.Id, CaseStatus.Ok, null, planned.Model, ExecutionProviders.Name(planned.Provider), planned.Batch,
            planned.Threads, LatencySummary.From(statistics), samples, 3, new StoppingInfo(10, 0.05, 2.5, true, StopReason.Precision),
            planned.Batch * 1000.0 / statistics.Mean, null, new ColdStart(10, 2), null);
    }
}
