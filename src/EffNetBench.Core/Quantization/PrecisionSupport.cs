using EffNetBench.Core.Providers;

namespace EffNetBench.Core.Quantization;

/// <summary>Which precisions a provider can run, known before anything is converted; what is only found when the
/// session is created (a provider without a kernel for a converted node) is skipped then, with ONNX Runtime's reason.</summary>
public static class PrecisionSupport
{
    /// <summary>Why <paramref name="provider"/> cannot run <paramref name="precision"/>, or null when it may.</summary>
    public static string? Problem(ExecutionProvider provider, Precision precision) => (provider, precision) switch
    {
        (ExecutionProvider.Cpu, _) => null,
        (_, Precision.Fp32) => null,

        // Dynamic quantization's DynamicQuantizeLinear and ConvInteger run on the CPU provider
        // (https://onnxruntime.ai/docs/performance/model-optimizations/quantization.html), and non-CPU sessions here
        // disable CPU fallback, so such a case would be a CPU figure under another provider's name.
        (_, Precision.Int8Dynamic) =>
            $"int8-dynamic runs its ConvInteger/DynamicQuantizeLinear nodes on the CPU provider only, and {ExecutionProviders.DisplayName(provider)} sessions disable CPU fallback ({SessionFactory.DisableCpuFallbackKey}=1): measure it with --providers cpu",
        _ => null,
    };

    /// <summary>Whether an ONNX Runtime error while loading a converted model means the provider lacks a kernel for it
    /// (ORT's NOT_IMPLEMENTED status), which makes the case skipped rather than failed.</summary>
    public static bool IsMissingKernel(string message) =>
        message.Contains("NOT_IMPLEMENTED", StringComparison.Ordinal)
        || message.Contains("Could not find an implementation", StringComparison.OrdinalIgnoreCase);
}
