using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Results;

public sealed class EnvironmentInfoTests
{
    [Fact]
    public void Cpu_model_is_the_first_model_name_line()
    {
        const string cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel\t\t: 140\nmodel name\t: 11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz\n\nprocessor\t: 1\nmodel name\t: other\n";

        Assert.Equal("11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz", EnvironmentInfo.CpuModel(cpuinfo));
        Assert.Null(EnvironmentInfo.CpuModel("processor\t: 0\nBogoMIPS\t: 50.00\nCPU part\t: 0xd0c\n"));
        Assert.Null(EnvironmentInfo.CpuModel(null));
    }

    [Fact]
    public void Memory_total_is_read_in_kibibytes()
    {
        Assert.Equal(16_318_480L * 1024, EnvironmentInfo.MemTotalBytes("MemTotal:       16318480 kB\nMemFree:         1234 kB\n"));
        Assert.Null(EnvironmentInfo.MemTotalBytes("MemFree:         1234 kB\n"));
        Assert.Null(EnvironmentInfo.MemTotalBytes(null));
    }

    [Fact]
    public void Capture_describes_this_machine()
    {
        string[] providers = ["CPUExecutionProvider"];
        EnvironmentInfo env = EnvironmentInfo.Capture("1.31.1", "/opt/ort/libonnxruntime.so", providers, []);

        Assert.False(string.IsNullOrWhiteSpace(env.Os));
        Assert.False(string.IsNullOrWhiteSpace(env.Cpu));
        Assert.Equal(Environment.ProcessorCount, env.LogicalCores);
        Assert.True(env.MemoryBytes > 0);
        Assert.Equal(Environment.Version.ToString(), env.Dotnet);
        Assert.Equal("1.31.1", env.OnnxRuntime);
        Assert.Equal("/opt/ort/libonnxruntime.so", env.OnnxRuntimeLibrary);
        Assert.Equal(providers, env.ProvidersAvailable);
        Assert.Empty(env.Gpus);
        Assert.Equal(Environment.MachineName, env.Hostname);
        if (OperatingSystem.IsLinux())
        {
            Assert.False(string.IsNullOrWhiteSpace(env.Kernel));
        }
    }
}
