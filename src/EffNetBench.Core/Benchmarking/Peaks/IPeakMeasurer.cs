using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Peaks;

/// <summary>Measures this machine's attainable peaks through ONNX Runtime on one provider and thread setting (the
/// roofline's roof). <see cref="Isolation.ProcessCaseMeasurer"/> does it in a worker process.</summary>
public interface IPeakMeasurer
{
    MachinePeaks MeasurePeaks(ExecutionProvider provider, int? threads);
}
