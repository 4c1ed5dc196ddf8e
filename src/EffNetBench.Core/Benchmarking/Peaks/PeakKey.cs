using System.Globalization;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Peaks;

/// <summary>What the peaks depend on: the machine (CPU model and logical cores), the runtime, the provider and threads.</summary>
public sealed record PeakKey(string Cpu, int LogicalCores, string OnnxRuntime, string Provider, int? Threads)
{
    public string FileStem => string.Create(CultureInfo.InvariantCulture,
        $"{Cpu}-{LogicalCores}cores-ort{OnnxRuntime}-{Provider}-t{(Threads is int t ? t.ToString(CultureInfo.InvariantCulture) : "default")}");

    public bool Matches(MachinePeaks peaks) =>
        peaks.Cpu == Cpu && peaks.OnnxRuntime == OnnxRuntime && peaks.Provider == Provider && peaks.Threads == Threads;
}
