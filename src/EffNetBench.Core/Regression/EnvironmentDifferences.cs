using System.Collections.Immutable;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>Differences between two runs' machines and software that can explain a latency change on their own.</summary>
internal static class EnvironmentDifferences
{
    public static ImmutableArray<string> Between(BenchmarkResults before, BenchmarkResults after, string beforeName, string afterName)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        EnvironmentInfo a = before.Environment, b = after.Environment;
        var warnings = ImmutableArray.CreateBuilder<string>();
        void Check(string what, string x, string y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                warnings.Add($"{what} differs ({beforeName}: {x}; {afterName}: {y}), so latency changes may come from it rather than from the release");
            }
        }

        Check("CPU", a.Cpu, b.Cpu);
        Check("logical core count", Invariant.Number(a.LogicalCores), Invariant.Number(b.LogicalCores));
        Check("GPU", GpuList(a), GpuList(b));
        Check("ONNX Runtime version", a.OnnxRuntime, b.OnnxRuntime);
        Check("effnet-bench version", before.Tool.Version, after.Tool.Version);
        return warnings.ToImmutable();
    }

    /// <summary>What differs between the two machines and runtimes in a way that can move latency by itself (CPU model,
    /// logical cores, GPUs, ONNX Runtime version unless it is what is compared); empty when verdicts can be trusted.
    /// The tool version is not among them: it is the release being judged.</summary>
    public static ImmutableArray<string> Blocking(EnvironmentInfo a, EnvironmentInfo b, bool onnxRuntimeUnderTest)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var differ = ImmutableArray.CreateBuilder<string>();
        if (!string.Equals(a.Cpu, b.Cpu, StringComparison.Ordinal))
        {
            differ.Add("CPU");
        }

        if (a.LogicalCores != b.LogicalCores)
        {
            differ.Add("logical cores");
        }

        if (!string.Equals(GpuList(a), GpuList(b), StringComparison.Ordinal))
        {
            differ.Add("GPUs");
        }

        if (!onnxRuntimeUnderTest && !string.Equals(a.OnnxRuntime, b.OnnxRuntime, StringComparison.Ordinal))
        {
            differ.Add("ONNX Runtime version");
        }

        return differ.ToImmutable();
    }

    private static string GpuList(EnvironmentInfo environment) =>
        environment.Gpus.IsDefaultOrEmpty ? "none" : string.Join(", ", environment.Gpus);
}
