using System.Globalization;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>Names a machine from what its run recorded: "AMD EPYC (2 cores)", "... (16 cores) + NVIDIA A100".</summary>
public static class HardwareLabel
{
    public static string For(EnvironmentInfo environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        int cores = environment.LogicalCores;
        string label = $"{environment.Cpu.Trim()} ({cores.ToString(CultureInfo.InvariantCulture)} {(cores == 1 ? "core" : "cores")})";
        return environment.Gpus.IsDefaultOrEmpty ? label : label + " + " + string.Join(" + ", environment.Gpus.Select(g => g.Trim()));
    }
}
