using System.Runtime.InteropServices;

namespace EffNetBench.Core.Providers;

/// <summary>NVML's nvmlMemory_t: three unsigned long longs, in bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlMemoryInfo
{
    public ulong Total;
    public ulong Free;
    public ulong Used;
}
