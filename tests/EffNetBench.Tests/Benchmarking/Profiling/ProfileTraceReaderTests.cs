using EffNetBench.Core.Benchmarking.Profiling;

namespace EffNetBench.Tests.Benchmarking.Profiling;

public sealed class ProfileTraceReaderTests
{
    private static TraceText TwoNodes() => new TraceText()
        .Node("conv_nchwc", "Conv", [1, 8, 4, 4], [[1, 3, 4, 4], [8, 3, 1, 1]])
        .Node("relu", "Relu", [1, 8, 4, 4])
        .Run(30, 5)
        .Run(20, 4);

    [Fact]
    public void Reads_the_kernel_time_events_with_op_provider_index_and_shapes_and_one_run_per_model_run()
    {
        ProfileTrace trace = ProfileTraceReader.Parse(TwoNodes().ToString());

        Assert.False(trace.Truncated);
        Assert.Equal(2 + (2 * ((3 * 2) + 2)), trace.Events); // 2 session events, per run 3 events per node and 2 session events
        Assert.Equal(2, trace.Runs.Length);
        Assert.Equal(["conv_nchwc", "relu", "conv_nchwc", "relu"], trace.Kernels.Select(k => k.Name));
        TraceKernel conv = trace.Kernels[0];
        Assert.Equal(("Conv", "CPUExecutionProvider", "0", 30L), (conv.OpType, conv.Provider, conv.NodeIndex, conv.DurationUs));
        Assert.Equal([[1L, 3, 4, 4], [8L, 3, 1, 1]], conv.InputShapes.Select(s => s.ToArray()));
        Assert.Equal([1L, 8, 4, 4], conv.OutputShapes[0].ToArray());
    }

    [Fact]
    public void A_trace_cut_in_the_middle_of_an_event_keeps_the_events_before_the_cut()
    {
        string full = TwoNodes().ToString();
        string cut = full[..(full.LastIndexOf("\"name\" :\"relu_kernel_time\"", StringComparison.Ordinal) + 10)];

        ProfileTrace trace = ProfileTraceReader.Parse(cut);

        Assert.True(trace.Truncated);
        Assert.Single(trace.Runs); // the second run's model_run event was never written
        Assert.Equal(["conv_nchwc", "relu", "conv_nchwc"], trace.Kernels.Select(k => k.Name));
    }

    [Fact]
    public void A_trace_cut_after_a_complete_event_is_truncated_too()
    {
        string full = TwoNodes().ToString();
        ProfileTrace trace = ProfileTraceReader.Parse(full[..full.LastIndexOf(",\n", StringComparison.Ordinal)]);

        Assert.True(trace.Truncated);
        Assert.Single(trace.Runs);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"a\": 1}", "traceEvents")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("42", "not a JSON array")]
    public void Text_that_is_not_a_trace_is_refused_with_the_reason(string text, string reason)
    {
        var e = Assert.Throws<ProfileTraceException>(() => ProfileTraceReader.Parse(text));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_object_form_with_trace_events_is_read_too()
    {
        string array = TwoNodes().ToString();
        ProfileTrace trace = ProfileTraceReader.Parse("{\"displayTimeUnit\": \"ms\", \"traceEvents\": " + array + "}");

        Assert.Equal(4, trace.Kernels.Length);
        Assert.False(trace.Truncated);
    }
}
