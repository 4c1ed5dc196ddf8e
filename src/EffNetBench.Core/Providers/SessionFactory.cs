using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Providers;

/// <summary>Builds SessionOptions for one provider; a non-CPU session that cannot place every node on its provider fails instead of running on CPU.</summary>
public static class SessionFactory
{
    /// <summary>ONNX Runtime's session config key (onnxruntime_session_options_config_keys.h).</summary>
    public const string DisableCpuFallbackKey = "session.disable_cpu_ep_fallback";

    /// <summary>ONNX Runtime's session config key for intra-op thread spinning (kOrtSessionOptionsConfigAllowIntraOpSpinning,
    /// onnxruntime_session_options_config_keys.h): "1" lets idle pool threads spin for work (lower latency, more CPU),
    /// "0" makes them block.</summary>
    public const string AllowIntraOpSpinningKey = "session.intra_op.allow_spinning";

    public static SessionOptions CreateOptions(ExecutionProvider provider, int? threads, ProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (threads is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be positive, or null for ONNX Runtime's default");
        }

        if (settings.DeviceId < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.DeviceId, "DeviceId must not be negative");
        }

        if (provider != ExecutionProvider.Cpu)
        {
            // Asking first gives a clear message; Append* on a CPU build fails with less helpful text.
            OrtEnv env = OrtEnv.Instance();
            string[] available = env.GetAvailableProviders();
            if (!available.Contains(ExecutionProviders.OrtName(provider), StringComparer.Ordinal))
            {
                throw ProviderUnavailableException.NotCompiledIn(provider, env.GetVersionString(), available);
            }
        }

        var options = new SessionOptions();
        try
        {
            options.GraphOptimizationLevel = GraphOptimizationLevels.Level(settings.GraphOptimization);
            options.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
            if (threads is int count)
            {
                options.IntraOpNumThreads = count;
            }

            if (settings.Spin is bool allow)
            {
                options.AddSessionConfigEntry(AllowIntraOpSpinningKey, Flag(allow));
            }

            if (provider != ExecutionProvider.Cpu)
            {
                // Without this ORT quietly assigns unsupported nodes to CPU, and a "GPU" number would be a CPU number.
                options.AddSessionConfigEntry(DisableCpuFallbackKey, "1");
            }

            Append(options, provider, settings);
            return options;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            options.Dispose();
            throw new ProviderUnavailableException(provider, ProviderUnavailableException.FirstLine(e.Message), e);
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    private static void Append(SessionOptions options, ExecutionProvider provider, ProviderSettings settings)
    {
        switch (provider)
        {
            case ExecutionProvider.Cpu:
                // The CPU provider is implicit; appending it explicitly would also clash with the fallback guard.
                break;
            case ExecutionProvider.Cuda:
                using (var cuda = new OrtCUDAProviderOptions())
                {
                    cuda.UpdateOptions(CudaOptions(settings));
                    options.AppendExecutionProvider_CUDA(cuda);
                }

                break;
            case ExecutionProvider.TensorRt:
                using (var tensorRt = new OrtTensorRTProviderOptions())
                {
                    tensorRt.UpdateOptions(TensorRtOptions(settings));
                    options.AppendExecutionProvider_Tensorrt(tensorRt);
                }

                break;
            case ExecutionProvider.OpenVino:
                // The generic entry point: AppendExecutionProvider_OpenVINO binds a legacy export that 1.31 no longer has.
                options.AppendExecutionProvider("OpenVINO", OpenVinoOptions(settings));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown execution provider");
        }
    }

    internal static Dictionary<string, string> CudaOptions(ProviderSettings settings) => new(StringComparer.Ordinal)
    {
        ["device_id"] = Invariant(settings.DeviceId),
        ["enable_cuda_graph"] = Flag(settings.CudaGraph),
    };

    internal static Dictionary<string, string> TensorRtOptions(ProviderSettings settings)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["device_id"] = Invariant(settings.DeviceId),
            ["trt_fp16_enable"] = Flag(settings.TensorRtFp16),
            ["trt_engine_cache_enable"] = Flag(!string.IsNullOrWhiteSpace(settings.TensorRtEngineCacheDir)),
        };
        if (!string.IsNullOrWhiteSpace(settings.TensorRtEngineCacheDir))
        {
            string directory = Path.GetFullPath(settings.TensorRtEngineCacheDir);

            // A missing cache directory would otherwise surface as an engine-serialisation error after a long build.
            Directory.CreateDirectory(directory);
            options["trt_engine_cache_path"] = directory;
        }

        return options;
    }

    internal static Dictionary<string, string> OpenVinoOptions(ProviderSettings settings)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(settings.OpenVinoDeviceType))
        {
            options["device_type"] = settings.OpenVinoDeviceType.Trim();
        }

        return options;
    }

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
