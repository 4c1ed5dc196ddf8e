using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace EffNetBench.Core.Providers;

/// <summary>
/// Why a GPU or OpenVINO provider of a loaded ONNX Runtime build cannot run here, in one line: the provider library's
/// ELF dependencies (DT_NEEDED), the CUDA / cuDNN / TensorRT major versions their names say the build needs, and the
/// first one this machine's loader cannot load. ONNX Runtime loads libonnxruntime_providers_&lt;name&gt;.so from the
/// folder of libonnxruntime.so when a session asks for the provider (ONNX Runtime docs, "CUDA Execution Provider":
/// requirements), so a missing CUDA library shows only then, as a raw loader message.
/// </summary>
public static partial class ProviderDependencies
{
    /// <summary>The provider's shared library in an ONNX Runtime build, or null for providers built into libonnxruntime.</summary>
    public static string? LibraryName(ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.Cuda => "libonnxruntime_providers_cuda.so",
        ExecutionProvider.TensorRt => "libonnxruntime_providers_tensorrt.so",
        ExecutionProvider.OpenVino => "libonnxruntime_providers_openvino.so",
        _ => null,
    };

    /// <summary>
    /// "this TensorRT build needs CUDA 13, TensorRT 10 and cuDNN 9: libonnxruntime_providers_tensorrt.so links
    /// libcublas.so.13, ..., which do not load here (first: ...); install ..." when a dependency of the provider's
    /// library is missing; null when
    /// the library is absent, not ELF, or every dependency loads (ONNX Runtime's own reason then stands).
    /// </summary>
    /// <param name="ortDirectory">The folder of the loaded libonnxruntime.so.</param>
    /// <param name="canLoad">Whether the loader finds a library by name (the seam tests replace).</param>
    public static string? Missing(ExecutionProvider provider, string ortDirectory, Func<string, bool>? canLoad = null)
    {
        if (!OperatingSystem.IsLinux() || LibraryName(provider) is not string name || !File.Exists(Path.Combine(ortDirectory, name)))
        {
            return null;
        }

        IReadOnlyList<string>? needed = ElfDependencies.Needed(Path.Combine(ortDirectory, name));
        if (needed is null)
        {
            return null;
        }

        canLoad ??= CanLoad;

        // The provider library itself links libonnxruntime_providers_shared.so by name; ONNX Runtime loads it from its
        // own folder first, so a name found there counts as loadable.
        string[] missing = [.. needed.Where(n => !File.Exists(Path.Combine(ortDirectory, n)) && !canLoad(n))];
        if (missing.Length == 0)
        {
            return null;
        }

        string display = ExecutionProviders.DisplayName(provider);
        string needs = Majors(needed) is { Length: > 0 } majors ? $"this {display} build needs {majors}" : $"this {display} build";
        return $"{needs}: {name} links {string.Join(", ", missing)}, which do not load here (first: {missing[0]}); "
            + $"install {Install(missing[0])} and make it findable (ldconfig or LD_LIBRARY_PATH)";
    }

    /// <summary>"CUDA 13, cuDNN 9 and TensorRT 10" from library names such as libcudart.so.13 (in order of first mention).</summary>
    public static string Majors(IEnumerable<string> needed)
    {
        var found = new List<string>();
        foreach (string library in needed)
        {
            if (Stack(library) is string stack && !found.Contains(stack))
            {
                found.Add(stack);
            }
        }

        return found.Count switch
        {
            0 => string.Empty,
            1 => found[0],
            _ => string.Join(", ", found[..^1]) + " and " + found[^1],
        };
    }

    /// <summary>The software and major version a library's soname stands for, or null for any other library.</summary>
    internal static string? Stack(string library)
    {
        Match m = SonameMajor().Match(library);
        if (!m.Success)
        {
            return null;
        }

        string major = m.Groups["major"].Value;
        return m.Groups["name"].Value switch
        {
            // cuBLAS, cuFFT's siblings and the runtime carry the CUDA toolkit's major in their soname (CUDA docs, "Release Notes").
            "cudart" or "cublas" or "cublasLt" => $"CUDA {major}",
            "cudnn" => $"cuDNN {major}",
            "nvinfer" or "nvonnxparser" or "nvinfer_plugin" => $"TensorRT {major}",
            "cuda" => "the NVIDIA driver",
            "openvino" => string.Create(CultureInfo.InvariantCulture, $"OpenVINO (soname {library})"),
            _ => null,
        };
    }

    private static string Install(string missing) => Stack(missing) is string stack && stack != "the NVIDIA driver"
        ? $"{stack} ({missing})"
        : Stack(missing) ?? missing;

    private static bool CanLoad(string library)
    {
        if (!NativeLibrary.TryLoad(library, out IntPtr handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }

    [GeneratedRegex(@"^lib(?<name>[A-Za-z_]+)\.so\.(?<major>\d+)")]
    private static partial Regex SonameMajor();
}
