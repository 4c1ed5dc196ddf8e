using System.Globalization;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Resident memory of this process as the kernel counts it (native allocations included, not just the
/// managed heap): VmRSS now and VmHWM, the peak since start or since <see cref="TryResetPeak"/>.</summary>
public static class ProcessMemory
{
    private const string StatusPath = "/proc/self/status";

    public static long? CurrentRssBytes() => ReadStatus("VmRSS:") ?? (OperatingSystem.IsLinux() ? null : Environment.WorkingSet);

    public static long? PeakRssBytes() =>
        ReadStatus("VmHWM:") ?? (OperatingSystem.IsLinux() ? null : System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64);

    /// <summary>Resets the peak to the current RSS (Linux: "5" to /proc/self/clear_refs), so a case's peak is its own.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static long? ReadStatus(string key)
    {
        if (!File.Exists(StatusPath))
        {
            return null;
        }

        foreach (string line in File.ReadLines(StatusPath))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                string[] parts = line[key.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024; // kB
            }
        }

        return null;
    }
}
