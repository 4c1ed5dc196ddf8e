using System.Diagnostics;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Benchmarking.Peaks;

/// <summary>
/// Measures the peaks in this process (the worker's side): a square float MatMul for compute (FLOPs = 2 n^3), an
/// element-wise Add of tensors far larger than the last-level cache for bandwidth (bytes = two read + one written), and
/// the same Add as a plain C# loop as a cross-check. Each is the best of several runs after warm-up: a peak is what the
/// machine can reach, and on a shared machine every disturbance only slows a run down.
/// </summary>
public sealed class OrtPeakMeasurer(ProviderSettings providerSettings) : IPeakMeasurer
{
    public const int MatrixSize = 1024;
    public const int ComputeRepetitions = 10;
    public const int BandwidthRepetitions = 10;
    public const int WarmupRuns = 2;

    /// <summary>Floats per operand of the streaming Add: 16 Mi floats = 64 MiB each, 192 MiB moved per run, several
    /// times the last-level cache of desktop and small server CPUs (tens of MiB), so the run streams from memory.</summary>
    public const long StreamElements = 16L * 1024 * 1024;

    public MachinePeaks MeasurePeaks(ExecutionProvider provider, int? threads)
    {
        RuntimeInfo runtime = ProviderProbe.Runtime();
        double flops = 2.0 * MatrixSize * MatrixSize * MatrixSize;
        double computeSeconds = BestSeconds(PeakModels.MatMul(MatrixSize), provider, threads, ComputeRepetitions);
        double bytes = 3.0 * sizeof(float) * StreamElements;
        double streamSeconds = BestSeconds(PeakModels.Add(StreamElements), provider, threads, BandwidthRepetitions);
        int loopThreads = threads ?? Environment.ProcessorCount;
        double loop = StreamingLoop.BestGBps(StreamElements, loopThreads, BandwidthRepetitions);

        string method = FormattableString.Invariant(
            $"compute: ONNX Runtime MatMul of two float32 {MatrixSize}x{MatrixSize} matrices, FLOPs = 2*M*N*K = {flops:0}, best of {ComputeRepetitions} runs after {WarmupRuns} warm-up; ")
            + FormattableString.Invariant($"bandwidth: ONNX Runtime Add of two float32 tensors of {StreamElements} elements ({StreamElements * 4 / 1048576} MiB each) into a third, bytes = 2 read + 1 written = {bytes / 1048576:0} MiB, best of {BandwidthRepetitions} runs after {WarmupRuns} warm-up; ")
            + FormattableString.Invariant($"cross-check: the same Add as a plain C# SIMD loop on {loopThreads} threads, best of {BandwidthRepetitions} after 1 warm-up; inputs and outputs bound once in CPU memory")
            + (provider == ExecutionProvider.Cpu ? string.Empty : " (on a GPU provider the figures include host-device copies, a lower bound)");
        return new MachinePeaks(ExecutionProviders.Name(provider), runtime.OrtVersion, EnvironmentInfo.Capture(runtime.OrtVersion, runtime.LibraryPath, runtime.CompiledProviders, []).Cpu,
            threads, flops / computeSeconds / 1e9, bytes / streamSeconds / 1e9, loop, method, DateTimeOffset.UtcNow);
    }

    private double BestSeconds(byte[] model, ExecutionProvider provider, int? threads, int repetitions)
    {
        using SessionOptions options = SessionFactory.CreateOptions(provider, threads, providerSettings);
        using InferenceRunner runner = InferenceRunner.Create(model, options, 1, new Dictionary<string, byte[]>());
        for (int i = 0; i < WarmupRuns; i++)
        {
            runner.Run();
        }

        double best = double.MaxValue;
        for (int i = 0; i < repetitions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            runner.Run();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return best;
    }
}
