using EffNetBench.Core.Providers;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.IntegrationTests.Providers;

/// <summary>Runs the probe model through SessionFactory options, the way a benchmark session would be built.</summary>
internal static class ProbeRunner
{
    /// <summary>Null when the model computed the right values on the provider, else what was wrong.</summary>
    public static string? Run(ExecutionProvider provider, int? threads, ProviderSettings settings)
    {
        using SessionOptions options = SessionFactory.CreateOptions(provider, threads, settings);
        using var session = new InferenceSession(ProbeModel.Bytes, options);
        using var input = OrtValue.CreateTensorValueFromMemory(ProbeModel.Input(), ProbeModel.InputShape);
        using var runOptions = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, [ProbeModel.InputName], [input], [ProbeModel.OutputName]);
        return ProbeModel.Check(outputs[0].GetTensorDataAsSpan<float>());
    }

    public static bool CompiledIn(ExecutionProvider provider) =>
        OrtEnv.Instance().GetAvailableProviders().Contains(ExecutionProviders.OrtName(provider));
}
