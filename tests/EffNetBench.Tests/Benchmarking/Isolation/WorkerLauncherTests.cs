using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Isolation;

namespace EffNetBench.Tests.Benchmarking.Isolation;

public sealed class WorkerLauncherTests
{
    [Fact]
    public void The_apphost_starts_itself_directly()
    {
        WorkerLauncher launcher = WorkerLauncher.Resolve("/home/u/.dotnet/tools/effnet-bench", "/x/effnet-bench.dll", null);

        Assert.Equal(("/home/u/.dotnet/tools/effnet-bench", 0), (launcher.FileName, launcher.Prefix.Length));
    }

    [Fact]
    public void The_dotnet_host_is_given_the_tool_assembly()
    {
        WorkerLauncher launcher = WorkerLauncher.Resolve("/usr/share/dotnet/dotnet", "/x/effnet-bench.dll", "/other/dotnet");

        Assert.Equal("/usr/share/dotnet/dotnet", launcher.FileName);
        Assert.Equal(["/x/effnet-bench.dll"], launcher.Prefix.ToArray());
    }

    [Fact]
    public void Another_host_starts_the_tool_assembly_with_the_sdk_host_else_dotnet_on_path()
    {
        Assert.Equal(("/sdk/dotnet", "/x/effnet-bench.dll"), Parts(WorkerLauncher.Resolve("/x/testhost", "/x/effnet-bench.dll", "/sdk/dotnet")));
        Assert.Equal(("dotnet", "/x/effnet-bench.dll"), Parts(WorkerLauncher.Resolve(null, "/x/effnet-bench.dll", null)));
        Assert.Throws<InvalidOperationException>(() => WorkerLauncher.Resolve("/x/testhost", null, null));
    }

    [Theory]
    [InlineData(134, false, "worker killed by SIGABRT (exit code 134)")]
    [InlineData(137, false, "worker killed by SIGKILL (exit code 137); out of memory?")]
    [InlineData(139, false, "worker killed by SIGSEGV (exit code 139)")]
    [InlineData(3, false, "worker exited with code 3 without a result")]
    [InlineData(137, true, "timed out after 7.5 s (the worker was killed)")]
    public void A_worker_exit_is_described_by_signal_timeout_or_exit_code(int code, bool timedOut, string expected)
    {
        if (OperatingSystem.IsWindows() && !timedOut && code > 128)
        {
            return; // signals are Unix exits
        }

        Assert.Equal(expected, new WorkerExit(code, timedOut, TimeSpan.FromSeconds(7.5), []).Describe());
    }

    [Fact]
    public void The_reason_ends_with_the_last_lines_of_stderr()
    {
        var exit = new WorkerExit(3, false, TimeSpan.FromSeconds(1), ["one", "two"]);

        Assert.Equal("worker exited with code 3 without a result; last lines of its stderr:\none\ntwo", exit.Reason());
    }

    [Fact]
    public void The_default_case_timeout_is_the_setup_allowance_plus_three_times_the_presets_budgets()
    {
        Assert.Equal(TimeSpan.FromSeconds(129), ProcessCaseMeasurer.DefaultTimeout(BenchmarkPreset.Quick));
        Assert.Equal(TimeSpan.FromSeconds(169.5), ProcessCaseMeasurer.DefaultTimeout(BenchmarkPreset.Default));
        Assert.Equal(TimeSpan.FromSeconds(315), ProcessCaseMeasurer.DefaultTimeout(BenchmarkPreset.Thorough));
    }

    [Theory]
    [InlineData("m-r32/cpu/b1/tdefault", null, null, null)]
    [InlineData("m-r32/cpu/b1/tdefault", "abort", null, "abort")]
    [InlineData("m-r32/cpu/b1/tdefault", "hang", "m-r32", "hang")]
    [InlineData("m-r32/cpu/b1/tdefault", "hang", "other", null)]
    [InlineData("crashy-r32/cpu/b1/tdefault", "crashy=abort,killed=sigkill", null, "abort")]
    [InlineData("killed-r32/cpu/b1/tdefault", "crashy=abort, killed=sigkill", null, "sigkill")]
    [InlineData("fine-r32/cpu/b1/tdefault", "crashy=abort,killed=sigkill", null, null)]
    public void The_test_fault_applies_to_the_cases_it_names(string caseId, string? value, string? filter, string? expected)
    {
        Assert.Equal(expected, WorkerFault.For(caseId, value, filter));
    }

    private static (string, string) Parts(WorkerLauncher launcher) => (launcher.FileName, Assert.Single(launcher.Prefix));
}
