using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Profiling;
using EffNetBench.Core.Results;
using Google.Protobuf;

namespace EffNetBench.Tests.Benchmarking.Profiling;

/// <summary>The profiling pass around the runtime (faked): whatever the runtime does, the pass returns a profile that
/// says what happened, and never throws into the case.</summary>
public sealed class CaseProfilerTests : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("effnet-bench-profiler-").FullName;
    private readonly string _model;
    private readonly PlannedCase _planned;

    public CaseProfilerTests()
    {
        _model = Path.Combine(_run, "tiny.onnx");
        File.WriteAllBytes(_model, ProfileJoinTests.TinyMbConv().ToByteArray());
        var settings = new RunSettings([], [_model], ["cpu"], [1], [1], "quick", 1, _run, null) { ProfileInferences = 3 };
        _planned = Assert.Single(RunPlanner.Plan(settings));
    }

    public void Dispose() => Directory.Delete(_run, recursive: true);

    private ProfileSummary Profile(Func<string, string?> record) => CaseProfiler.Profile(_planned, _model, 3, 0.5, _run, record);

    [Fact]
    public void A_trace_left_where_asked_is_joined_with_the_models_analysis()
    {
        string? asked = null;
        ProfileSummary p = Profile(target =>
        {
            asked = target;
            File.WriteAllText(target, TraceFor.TinyMbConv());
            return target;
        });

        Assert.Equal(Path.Combine(_run, "profile", "tiny-r8_cpu_b1_t1.json"), asked);
        Assert.Equal("profile/tiny-r8_cpu_b1_t1.json", p.TraceFile);
        Assert.Equal(3, p.Inferences);
        Assert.Equal(20224, p.Nodes.Sum(n => n.Flops ?? 0));
        Assert.Equal(0.5, p.CaseMedianMs);
    }

    [Fact]
    public void A_runtime_that_wrote_no_trace_gives_a_profile_that_says_so()
    {
        ProfileSummary p = Profile(_ => null);

        Assert.Empty(p.Nodes);
        Assert.Null(p.TraceFile);
        Assert.Equal("ONNX Runtime wrote no profile for CPU: the provider may not support profiling", Assert.Single(p.Warnings));
    }

    [Fact]
    public void A_truncated_trace_is_joined_as_far_as_it_goes()
    {
        ProfileSummary p = Profile(target =>
        {
            string full = TraceFor.TinyMbConv();
            File.WriteAllText(target, full[..full.LastIndexOf("\"name\" :\"add_kernel_time\"", StringComparison.Ordinal)]);
            return target;
        });

        Assert.Equal(2, p.Inferences);
        Assert.Contains(p.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pass_that_throws_gives_a_profile_with_the_reason()
    {
        ProfileSummary p = Profile(_ => throw new IOException("disk full"));

        Assert.Empty(p.Nodes);
        Assert.Equal("the profiling pass failed: IOException: disk full", Assert.Single(p.Warnings));
    }
}
