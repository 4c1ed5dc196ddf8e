using System.Runtime.InteropServices;
using EffNetBench.Core.Providers;

namespace EffNetBench.IntegrationTests.Providers;

public sealed class NvmlGpuMemoryTests
{
    [Fact]
    public void Query_reports_memory_or_a_reason_and_never_throws()
    {
        GpuMemory memory = NvmlGpuMemory.Query(0);

        if (memory.UsedBytes is null)
        {
            Assert.Null(memory.TotalBytes);
            Assert.False(string.IsNullOrWhiteSpace(memory.Reason));
            Assert.StartsWith("NVML", memory.Reason);
        }
        else
        {
            Assert.Null(memory.Reason);
            Assert.InRange(memory.UsedBytes.Value, 0, memory.TotalBytes!.Value);
        }
    }

    [SkippableFact]
    public void Without_an_nvidia_driver_the_reason_says_so()
    {
        bool driver = NativeLibrary.TryLoad("libnvidia-ml.so.1", out IntPtr handle);
        if (driver)
        {
            NativeLibrary.Free(handle);
        }

        Skip.If(driver, "this machine has an NVIDIA driver");

        Assert.Equal(new GpuMemory(null, null, "NVML not available: no NVIDIA driver on this machine (libnvidia-ml.so.1 not found)"), NvmlGpuMemory.Query(0));
    }

    [Fact]
    public void A_negative_device_gives_a_reason() =>
        Assert.NotNull(NvmlGpuMemory.Query(-1).Reason);
}
