using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>
/// What <see cref="BenchmarkEngine"/> asks of the machine for one run: the runtime it records, whether a provider works
/// here, and one planned case measured. <see cref="OrtCaseMeasurer"/> does it with ONNX Runtime and BenchmarkDotNet;
/// the engine's orchestration (plan order, skips, failures, resume, progress, interruption) does not depend on it.
/// </summary>
public interface ICaseMeasurer
{
    /// <summary>The ONNX Runtime loaded here, recorded in run.json when a run starts.</summary>
    RuntimeInfo Runtime();

    /// <summary>Whether <paramref name="provider"/> can run here; asked once per provider per run, before its first case.</summary>
    ProviderStatus Probe(ExecutionProvider provider);

    /// <summary>Measures one launch of a case the engine found runnable (its provider usable, no plan skip): each call is
    /// one launch (<see cref="PlannedCase.Launch"/> of <see cref="PlannedCase.LaunchCount"/>); the engine merges them.
    /// A case whose <see cref="PlannedCase.OrtLibrary"/> the measurer cannot load must throw (the case fails with the reason).</summary>
    /// <param name="modelCase">For an end-to-end case, its model-only case if already finished in this run folder; else null.</param>
    /// <param name="artifactsDirectory">This case's folder for BenchmarkDotNet's log (and exports, when asked for).</param>
    /// <returns>The measured case, its <see cref="ModelInfo.File"/> the model file that ran.</returns>
    /// <exception cref="EndToEnd.EndToEndUnavailableException">What this platform lacks for the case: it is recorded as skipped,
    /// with the message. Any other exception records the case as failed, and the run goes on.</exception>
    CaseResult Measure(PlannedCase planned, CaseResult? modelCase, string artifactsDirectory);
}
