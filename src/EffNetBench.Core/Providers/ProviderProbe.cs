using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Providers;

/// <summary>Reports the loaded ONNX Runtime and, per provider, whether a session on it can be created and run with CPU fallback disabled.</summary>
public static class ProviderProbe
{
    public static RuntimeInfo Runtime()
    {
        OrtEnv env = OrtEnv.Instance();
        string version = env.GetVersionString();

        // Read after the calls above, which are what load the native library.
        return new RuntimeInfo(version, LoadedLibraries.OnnxRuntime(), Array.AsReadOnly(env.GetAvailableProviders()));
    }

    public static IReadOnlyList<ProviderStatus> Probe(ProviderSettings settings) =>
        ExecutionProviders.All.Select(p => Probe(p, settings)).ToArray();

    public static ProviderStatus Probe(ExecutionProvider provider, ProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string ortName = ExecutionProviders.OrtName(provider);
        OrtEnv env = OrtEnv.Instance();
        string[] available = env.GetAvailableProviders();
        if (!available.Contains(ortName, StringComparer.Ordinal))
        {
            return new ProviderStatus(provider, ortName, false, false,
                ProviderUnavailableException.NotCompiledInReason(provider, env.GetVersionString(), available));
        }

        string? reason = TryRun(provider, settings);

        // ONNX Runtime's own reason for a provider library whose CUDA (or other) dependencies are missing is a raw
        // loader message; the provider library's DT_NEEDED entries say which versions are needed and which one failed.
        if (reason is not null && LoadedLibraries.OnnxRuntime() is string library
            && ProviderDependencies.Missing(provider, Path.GetDirectoryName(library)!) is string missing)
        {
            reason = missing;
        }

        return new ProviderStatus(provider, ortName, true, reason is null, reason);
    }

    /// <summary>Null when the probe model ran correctly on the provider, else the one-line reason it did not.</summary>
    private static string? TryRun(ExecutionProvider provider, ProviderSettings settings)
    {
        try
        {
            using SessionOptions options = SessionFactory.CreateOptions(provider, threads: 1, settings);
            using var session = new InferenceSession(ProbeModel.Bytes, options);
            using var input = OrtValue.CreateTensorValueFromMemory(ProbeModel.Input(), ProbeModel.InputShape);
            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, [ProbeModel.InputName], [input], [ProbeModel.OutputName]);
            return ProbeModel.Check(outputs[0].GetTensorDataAsSpan<float>());
        }
        catch (ProviderUnavailableException e)
        {
            return e.Reason;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A probe reports; whatever the native side throws (driver, missing CUDA libraries) becomes the reason.
            return ProviderUnavailableException.FirstLine(e.Message);
        }
    }
}
