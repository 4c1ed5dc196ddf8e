using System.Globalization;
using System.Runtime.InteropServices;

namespace EffNetBench.Core.Benchmarking;

/// <summary>The machine-wide CPU counters of /proc/stat's aggregate "cpu" line, in clock ticks (USER_HZ).</summary>
/// <param name="Busy">user + nice + system + irq + softirq (guest time is already inside user and nice).</param>
/// <param name="Idle">idle + iowait.</param>
/// <param name="Steal">Time the hypervisor gave this machine's virtual cores to other guests.</param>
internal readonly record struct CpuTicks(long Busy, long Idle, long Steal);

/// <summary>Parses the Linux /proc files the noise sampler reads (proc(5)); every parser returns null on text it does not recognise.</summary>
internal static class ProcCounters
{
    /// <summary>USER_HZ, the unit of /proc/stat and /proc/self/stat: sysconf(_SC_CLK_TCK), or 100 (the value on every
    /// mainstream Linux architecture) when libc cannot be asked.</summary>
    public static readonly long ClockTicksPerSecond = QueryClockTicks();

    /// <summary>The aggregate "cpu  user nice system idle iowait irq softirq steal guest guest_nice" line.</summary>
    public static CpuTicks? ParseStat(string? procStat)
    {
        if (procStat is null)
        {
            return null;
        }

        foreach (string line in procStat.Split('\n'))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0] != "cpu")
            {
                continue;
            }

            // Kernels before 2.6.11 had no steal column; before 2.5.41 no iowait, irq, softirq: missing columns count as 0.
            long[] values = new long[8];
            for (int i = 1; i < fields.Length && i <= values.Length; i++)
            {
                if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i - 1]))
                {
                    return null;
                }
            }

            if (fields.Length < 5)
            {
                return null;
            }

            return new CpuTicks(values[0] + values[1] + values[2] + values[5] + values[6], values[3] + values[4], values[7]);
        }

        return null;
    }

    /// <summary>utime + stime (fields 14 and 15) of /proc/[pid]/stat, in clock ticks: all threads of the process.</summary>
    public static long? ParseSelfStat(string? selfStat)
    {
        // The command name (field 2) is in parentheses and may itself hold spaces and ')': fields resume after the last ')'.
        int close = selfStat?.LastIndexOf(')') ?? -1;
        if (close < 0)
        {
            return null;
        }

        string[] rest = selfStat![(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // rest[0] is field 3 (state), so field n is rest[n - 3].
        return rest.Length > 12
            && long.TryParse(rest[11], NumberStyles.None, CultureInfo.InvariantCulture, out long utime)
            && long.TryParse(rest[12], NumberStyles.None, CultureInfo.InvariantCulture, out long stime)
            ? utime + stime
            : null;
    }

    /// <summary>The 1-minute load average, the first field of /proc/loadavg.</summary>
    public static double? ParseLoadAverage(string? loadavg)
    {
        string[] fields = (loadavg ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 0 && double.TryParse(fields[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double load) && double.IsFinite(load)
            ? load
            : null;
    }

    public static string? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long QueryClockTicks()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 100;
        }

        try
        {
            long ticks = NativeMethods.sysconf(NativeMethods.ScClkTck);
            return ticks > 0 ? ticks : 100;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 100;
        }
    }

    private static class NativeMethods
    {
        /// <summary>_SC_CLK_TCK in glibc and musl on Linux.</summary>
        public const int ScClkTck = 2;

        [DllImport("libc", EntryPoint = "sysconf")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // a blittable signature: LibraryImport's generated marshalling would add nothing
        public static extern long sysconf(int name);
#pragma warning restore SYSLIB1054
    }
}
