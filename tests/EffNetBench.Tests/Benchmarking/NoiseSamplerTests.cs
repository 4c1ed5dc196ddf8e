using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking;

/// <summary>The /proc parsing of the noise sampler, on text recorded from a 2-core Linux VM (kernel 6.x).</summary>
public sealed class NoiseSamplerTests
{
    // Recorded /proc/stat before and after a span: 250 busy ticks (user 200, system 40, softirq 10) and 30 steal ticks.
    private const string StatBefore =
        "cpu  509049 0 58509 95202 1442 0 416 1177 0 0\n"
        + "cpu0 249365 0 30080 52273 405 0 48 614 0 0\n"
        + "cpu1 259684 0 28429 42929 1036 0 368 563 0 0\n"
        + "intr 1234 0 0\nctxt 99\nbtime 1764150000\nprocesses 21718\nprocs_running 2\nprocs_blocked 0\n";

    private const string StatAfter =
        "cpu  509249 0 58549 95302 1442 0 426 1207 0 0\n"
        + "cpu0 249465 0 30100 52323 405 0 53 629 0 0\n"
        + "cpu1 259784 0 28449 42979 1036 0 373 578 0 0\n";

    // Recorded /proc/self/stat of a process whose command name holds a space and a ')'; utime 1000 stime 50 -> 1100 + 70.
    private const string SelfBefore =
        "21718 (dotnet ) x) R 21712 21712 18189 0 -1 4194304 99 0 0 0 1000 50 0 0 20 0 9 0 333569 3133440 378 18446744073709551615 0";

    private const string SelfAfter =
        "21718 (dotnet ) x) R 21712 21712 18189 0 -1 4194304 99 0 0 0 1100 70 0 0 20 0 9 0 333569 3133440 378 18446744073709551615 0";

    [Fact]
    public void The_aggregate_cpu_line_splits_into_busy_idle_and_steal()
    {
        CpuTicks ticks = ProcCounters.ParseStat(StatBefore)!.Value;

        Assert.Equal(509049 + 0 + 58509 + 0 + 416, ticks.Busy);
        Assert.Equal(95202 + 1442, ticks.Idle);
        Assert.Equal(1177, ticks.Steal);
    }

    [Fact]
    public void An_old_kernel_without_a_steal_column_reads_steal_as_zero()
    {
        CpuTicks ticks = ProcCounters.ParseStat("cpu  100 5 20 900 3 1 2\ncpu0 100 5 20 900 3 1 2\n")!.Value;

        Assert.Equal(100 + 5 + 20 + 1 + 2, ticks.Busy);
        Assert.Equal(0, ticks.Steal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cpu0 1 2 3 4 5\n")]
    [InlineData("cpu  a b c d\n")]
    public void Unrecognised_stat_text_is_null(string? text) => Assert.Null(ProcCounters.ParseStat(text));

    [Fact]
    public void Own_cpu_ticks_are_utime_plus_stime_after_a_command_name_with_spaces_and_parentheses()
    {
        Assert.Equal(1050, ProcCounters.ParseSelfStat(SelfBefore));
        Assert.Null(ProcCounters.ParseSelfStat("21718 (dotnet R 1 2"));
        Assert.Null(ProcCounters.ParseSelfStat(null));
    }

    [Theory]
    [InlineData("2.06 2.84 6.23 1/87 21719\n", 2.06)]
    [InlineData("0.00 0.01 0.05 1/120 4242", 0.0)]
    public void The_load_average_is_the_first_field(string text, double expected) =>
        Assert.Equal(expected, ProcCounters.ParseLoadAverage(text));

    [Fact]
    public void Clock_ticks_are_a_plausible_user_hz()
    {
        Assert.InRange(ProcCounters.ClockTicksPerSecond, 1, 10_000);
    }

    [Fact]
    public void The_sampler_subtracts_its_own_cpu_time_from_the_machine_busy_time()
    {
        int reads = 0;
        string? Read(string path)
        {
            bool after = reads++ >= 3; // Start reads loadavg, stat, self/stat; Stop reads them again
            return path switch
            {
                "/proc/stat" => after ? StatAfter : StatBefore,
                "/proc/self/stat" => after ? SelfAfter : SelfBefore,
                "/proc/loadavg" => after ? "1.50 1.00 0.50 2/90 1" : "0.50 1.00 0.50 1/90 1",
                _ => null,
            };
        }

        NoiseInfo noise = NoiseSampler.Start(Read).Stop();
        double hz = ProcCounters.ClockTicksPerSecond;

        Assert.Equal(120 / hz, noise.OwnCpuSeconds, 9);        // 100 user + 20 system ticks of our own
        Assert.Equal((250 - 120) / hz, noise.OtherCpuSeconds!.Value, 9);
        Assert.Equal(30 / hz, noise.StealSeconds!.Value, 9);
        Assert.Equal(0.5, noise.LoadAverageStart);
        Assert.Equal(1.5, noise.LoadAverageEnd);
        Assert.Equal(Environment.ProcessorCount, noise.LogicalCores);
    }

    [Fact]
    public void Without_proc_the_machine_fields_are_null_and_own_time_comes_from_the_process()
    {
        NoiseInfo noise = NoiseSampler.Start(_ => null).Stop();

        Assert.Null(noise.OtherCpuSeconds);
        Assert.Null(noise.StealSeconds);
        Assert.Null(noise.LoadAverageStart);
        Assert.Null(noise.LoadAverageEnd);
        Assert.Null(noise.BusyShare);
        Assert.True(noise.OwnCpuSeconds >= 0);
    }
}
