using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>The real <see cref="IServingClock"/>: <see cref="Stopwatch"/> timestamps; sleeps with nanosleep(2) on Linux
/// (Thread.Sleep rounds to whole milliseconds, which would issue a Poisson arrival up to 1 ms late), without spinning
/// (a spinning generator would take a core from the model on a small machine); CPU time from getrusage(2) through
/// <see cref="Environment.CpuUsage"/>.</summary>
public sealed class ServingClock : IServingClock
{
    public static readonly ServingClock System = new();

    private ServingClock()
    {
    }

    public long Frequency => Stopwatch.Frequency;

    public long Now() => Stopwatch.GetTimestamp();

    public TimeSpan ProcessCpu() => Environment.CpuUsage.TotalTime;

    public void SleepUntil(long timestamp)
    {
        while (true)
        {
            long remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            double seconds = remaining / (double)Stopwatch.Frequency;
            if (OperatingSystem.IsLinux() && NanoSleep(seconds))
            {
                continue;
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(seconds * 1000))));
        }
    }

    private static bool NanoSleep(double seconds)
    {
        var request = new NativeMethods.TimeSpec { Seconds = (long)seconds, Nanoseconds = (long)((seconds - Math.Floor(seconds)) * 1e9) };
        try
        {
            _ = NativeMethods.nanosleep(ref request, IntPtr.Zero); // interrupted early: the loop sleeps the rest
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [StructLayout(LayoutKind.Sequential)]
        public struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "nanosleep")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // a blittable signature: LibraryImport's generated marshalling would add nothing
        public static extern int nanosleep(ref TimeSpec request, IntPtr remaining);
#pragma warning restore SYSLIB1054
    }
}
