using System.Runtime.InteropServices;

namespace EffNetBench.Core.Providers;

/// <summary>The few NVML entry points the benchmark needs (nvml.h); every function returns nvmlReturn_t, 0 meaning success.</summary>
internal static class NvmlNative
{
    /// <summary>The driver ships the versioned soname; the unversioned one comes only with development packages.</summary>
    public const string Library = "libnvidia-ml.so.1";

    public const int Success = 0;

    [DllImport(Library, EntryPoint = "nvmlInit_v2")]
    public static extern int Init();

    [DllImport(Library, EntryPoint = "nvmlShutdown")]
    public static extern int Shutdown();

    [DllImport(Library, EntryPoint = "nvmlDeviceGetHandleByIndex_v2")]
    public static extern int DeviceGetHandleByIndex(uint index, out IntPtr device);

    [DllImport(Library, EntryPoint = "nvmlDeviceGetMemoryInfo")]
    public static extern int DeviceGetMemoryInfo(IntPtr device, out NvmlMemoryInfo memory);

    [DllImport(Library, EntryPoint = "nvmlErrorString")]
    public static extern IntPtr ErrorString(int result);
}
