using System.Diagnostics;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>
/// What else the machine did during a measured span: <see cref="Start"/> reads the kernel's counters before it,
/// <see cref="Stop"/> after it and returns the deltas as a <see cref="NoiseInfo"/>. Other processes' CPU time is the
/// machine's busy time (/proc/stat) minus this process's own (/proc/self/stat, both in USER_HZ ticks, so they cancel
/// in the same unit); steal comes from /proc/stat too; the load average from /proc/loadavg. Off Linux, or where /proc
/// is unreadable, those fields are null and only the wall and own CPU time (<see cref="Process.TotalProcessorTime"/>) are kept.
/// </summary>
internal sealed class NoiseSampler
{
    private readonly Func<string, string?> _read;
    private readonly long _started;
    private readonly CpuTicks? _cpu;
    private readonly long? _ownTicks;
    private readonly TimeSpan _ownTime;
    private readonly double? _load;

    private NoiseSampler(Func<string, string?> read)
    {
        _read = read;
        _load = ProcCounters.ParseLoadAverage(read("/proc/loadavg"));
        _cpu = ProcCounters.ParseStat(read("/proc/stat"));
        _ownTicks = ProcCounters.ParseSelfStat(read("/proc/self/stat"));
        _ownTime = OwnProcessorTime();
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Reads the counters now; call <see cref="Stop"/> when the span ends.</summary>
    /// <param name="read">Reads a /proc file, null when absent (tests pass recorded text).</param>
    public static NoiseSampler Start(Func<string, string?>? read = null) => new(read ?? ProcCounters.Read);

    public NoiseInfo Stop()
    {
        double wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        CpuTicks? cpu = ProcCounters.ParseStat(_read("/proc/stat"));
        long? ownTicks = ProcCounters.ParseSelfStat(_read("/proc/self/stat"));
        double? load = ProcCounters.ParseLoadAverage(_read("/proc/loadavg"));
        double hz = ProcCounters.ClockTicksPerSecond;
        double own = ownTicks is long end && _ownTicks is long begin ? (end - begin) / hz : (OwnProcessorTime() - _ownTime).TotalSeconds;

        double? other = null, steal = null;
        if (cpu is CpuTicks after && _cpu is CpuTicks before && ownTicks is not null && _ownTicks is not null)
        {
            // Both counters tick at USER_HZ, so a process that was the only thing running gives 0 here, not tick jitter
            // of the other clock; a negative remainder (the two files are read a moment apart) is clamped to 0.
            other = Math.Max(0, (after.Busy - before.Busy) / hz - own);
            steal = Math.Max(0, (after.Steal - before.Steal) / hz);
        }

        return new NoiseInfo(wall, Math.Max(0, own), other, steal, Environment.ProcessorCount, _load, load);
    }

    private static TimeSpan OwnProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
