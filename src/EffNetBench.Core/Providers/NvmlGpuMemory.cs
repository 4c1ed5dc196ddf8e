using System.Runtime.InteropServices;

namespace EffNetBench.Core.Providers;

/// <summary>Reads a GPU's memory use through NVML; never throws, so a missing driver only costs a column.</summary>
public static class NvmlGpuMemory
{
    public static GpuMemory Query(int deviceId)
    {
        if (deviceId < 0)
        {
            return Unavailable($"device {deviceId} is not a GPU index");
        }

        if (!OperatingSystem.IsLinux())
        {
            return Unavailable("NVML not available: GPU memory is read on Linux only");
        }

        if (!NativeLibrary.TryLoad(NvmlNative.Library, out IntPtr library))
        {
            return Unavailable($"NVML not available: no NVIDIA driver on this machine ({NvmlNative.Library} not found)");
        }

        try
        {
            int result = NvmlNative.Init();
            if (result != NvmlNative.Success)
            {
                return Unavailable($"NVML not available: nvmlInit failed: {ErrorText(result)}");
            }

            try
            {
                result = NvmlNative.DeviceGetHandleByIndex((uint)deviceId, out IntPtr device);
                if (result != NvmlNative.Success)
                {
                    return Unavailable($"NVML: no GPU {deviceId}: {ErrorText(result)}");
                }

                result = NvmlNative.DeviceGetMemoryInfo(device, out NvmlMemoryInfo memory);
                return result == NvmlNative.Success
                    ? new GpuMemory(checked((long)memory.Used), checked((long)memory.Total), null)
                    : Unavailable($"NVML: cannot read memory of GPU {deviceId}: {ErrorText(result)}");
            }
            finally
            {
                NvmlNative.Shutdown();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An old driver without an entry point, or a broken install, is still only "unknown memory".
            return Unavailable($"NVML not available: {e.GetType().Name}: {ProviderUnavailableException.FirstLine(e.Message)}");
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }

    private static GpuMemory Unavailable(string reason) => new(null, null, reason);

    private static string ErrorText(int result)
    {
        IntPtr text = NvmlNative.ErrorString(result);
        return (text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text)) ?? $"error {result}";
    }
}
