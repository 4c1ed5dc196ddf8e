using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EffNetBench.Core.Providers;

/// <summary>Finds the native ONNX Runtime library this process has mapped, which may differ from the one next to the managed dll.</summary>
internal static class LoadedLibraries
{
    private const string MapsFile = "/proc/self/maps";

    /// <summary>The full path of the loaded native libonnxruntime, or null when none is loaded or it cannot be told.</summary>
    public static string? OnnxRuntime()
    {
        try
        {
            return RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && File.Exists(MapsFile)
                ? FromMaps(File.ReadLines(MapsFile))
                : FromModules();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Picks the native ONNX Runtime out of /proc/self/maps lines; the providers' own libraries and the managed dll do not count.</summary>
    internal static string? FromMaps(IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            int slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                continue;
            }

            string path = line[slash..].Trim();
            if (path.EndsWith(" (deleted)", StringComparison.Ordinal))
            {
                path = path[..^" (deleted)".Length];
            }

            if (IsNativeOnnxRuntime(Path.GetFileName(path)))
            {
                return path;
            }
        }

        return null;
    }

    internal static bool IsNativeOnnxRuntime(string fileName) =>
        fileName == "libonnxruntime.so"
        || fileName.StartsWith("libonnxruntime.so.", StringComparison.Ordinal)
        || (fileName.StartsWith("libonnxruntime.", StringComparison.Ordinal) && fileName.EndsWith(".dylib", StringComparison.Ordinal))
        || string.Equals(fileName, "onnxruntime.dll", StringComparison.OrdinalIgnoreCase);

    private static string? FromModules()
    {
        using var process = Process.GetCurrentProcess();
        foreach (ProcessModule module in process.Modules)
        {
            if (IsNativeOnnxRuntime(module.ModuleName))
            {
                return module.FileName;
            }
        }

        return null;
    }
}
