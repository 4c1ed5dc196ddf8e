using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace EffNetBench.Core.Results;

/// <summary>The machine and software a run measured on.</summary>
/// <param name="Kernel">/proc/sys/kernel/osrelease; null off Linux.</param>
/// <param name="MemoryBytes">Physical memory (/proc/meminfo MemTotal), else what the GC sees as available.</param>
/// <param name="OnnxRuntimeLibrary">Path of the native onnxruntime library that was loaded, when known.</param>
public sealed record EnvironmentInfo(
    string Os,
    string? Kernel,
    string Cpu,
    int LogicalCores,
    long MemoryBytes,
    string Dotnet,
    [property: JsonPropertyName("onnxruntime")] string OnnxRuntime,
    [property: JsonPropertyName("onnxruntime_library")] string? OnnxRuntimeLibrary,
    ImmutableArray<string> ProvidersAvailable,
    ImmutableArray<string> Gpus,
    string Hostname)
{
    /// <summary>The NuGet package the loaded native library came from (`--ort VERSION[:flavor]`, or an --ort-lib path
    /// into the runtime cache): id, version, flavor, feed and SHA-512; null for the bundled library or any other path.
    /// Additive: older files read as null.</summary>
    [JsonPropertyName("onnxruntime_package")]
    public OrtPackage? OnnxRuntimePackage { get; init; }

    public static EnvironmentInfo Capture(string onnxRuntimeVersion, string? ortLibrary, IReadOnlyList<string> providersAvailable, IReadOnlyList<string> gpus)
    {
        ArgumentNullException.ThrowIfNull(onnxRuntimeVersion);
        ArgumentNullException.ThrowIfNull(providersAvailable);
        ArgumentNullException.ThrowIfNull(gpus);
        return new EnvironmentInfo(
            Os: RuntimeInformation.OSDescription,
            Kernel: ReadProcFile("/proc/sys/kernel/osrelease")?.Trim() is { Length: > 0 } kernel ? kernel : null,
            Cpu: CpuModel(ReadProcFile("/proc/cpuinfo")) ?? RuntimeInformation.ProcessArchitecture.ToString(),
            LogicalCores: Environment.ProcessorCount,
            MemoryBytes: MemTotalBytes(ReadProcFile("/proc/meminfo")) ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            Dotnet: Environment.Version.ToString(),
            OnnxRuntime: onnxRuntimeVersion,
            OnnxRuntimeLibrary: ortLibrary,
            ProvidersAvailable: [.. providersAvailable],
            Gpus: [.. gpus],
            Hostname: Environment.MachineName);
    }

    /// <summary>The first "model name" of /proc/cpuinfo (x86 and most ARM kernels), or null.</summary>
    internal static string? CpuModel(string? cpuinfo) =>
        Field(cpuinfo, "model name") is { Length: > 0 } name ? name : null;

    /// <summary>"MemTotal:  16318480 kB" in bytes, or null.</summary>
    internal static long? MemTotalBytes(string? meminfo) => MeminfoBytes(meminfo, "MemTotal");

    /// <summary>A "Key:  16318480 kB" line of /proc/meminfo in bytes, or null.</summary>
    internal static long? MeminfoBytes(string? meminfo, string key)
    {
        string? value = Field(meminfo, key);
        if (value is null)
        {
            return null;
        }

        string[] parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts[1] == "kB" && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kib)
            ? kib * 1024
            : null;
    }

    private static string? Field(string? text, string key)
    {
        if (text is null)
        {
            return null;
        }

        foreach (string line in text.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == key)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private static string? ReadProcFile(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable /proc entry only loses detail; the run must not fail for it.
            return null;
        }
    }
}
