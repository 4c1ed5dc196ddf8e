using EffNetBench.Core.Benchmarking.Profiling;

namespace EffNetBench.Tests.Benchmarking.Profiling;

public sealed class NodeTimesTests
{
    [Fact]
    public void Medians_over_the_inferences_after_the_warm_up()
    {
        string text = new TraceText()
            .Node("a", "Conv", [1])
            .Node("b", "Relu", [1])
            .Run(1000, 900) // warm-up
            .Run(10, 1)
            .Run(30, 4)
            .Run(20, 3)
            .Run(40, 2)
            .ToString();

        NodeTimes times = NodeTimes.Of(ProfileTraceReader.Parse(text), warmupRuns: 1);

        Assert.Equal(4, times.Inferences);
        Assert.Equal(["a", "b"], times.Nodes.Select(n => n.Kernel.Name));
        Assert.Equal(25, times.Nodes[0].MedianUs); // 10 20 30 40
        Assert.Equal(2.5, times.Nodes[1].MedianUs); // 1 2 3 4
        Assert.Equal(10, times.Nodes[0].SpreadUs); // |10 20 30 40 - 25| = 15 5 5 15, median 10 (profile diff's noise)
        Assert.Equal(1, times.Nodes[1].SpreadUs); // |1 2 3 4 - 2.5| = 1.5 0.5 0.5 1.5, median 1
        Assert.Empty(times.Warnings);
    }

    [Fact]
    public void The_unfinished_inference_of_a_truncated_trace_is_left_out_and_said()
    {
        string full = new TraceText().Node("a", "Conv", [1]).Node("b", "Relu", [1]).Run(5, 5).Run(10, 1).Run(30, 3).Run(99, 99).ToString();
        string cut = full[..full.LastIndexOf("\"name\" :\"b_kernel_time\"", StringComparison.Ordinal)];

        NodeTimes times = NodeTimes.Of(ProfileTraceReader.Parse(cut), warmupRuns: 1);

        Assert.Equal(2, times.Inferences);
        Assert.Equal(20, times.Nodes[0].MedianUs); // 10 and 30; the cut run's 99 is not in any complete inference
        Assert.Equal(2, times.Nodes[1].MedianUs);
        Assert.Contains(times.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains(times.Warnings, w => w.StartsWith("1 node executions lie outside", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_model_run_events_the_kth_execution_of_a_node_is_inference_k()
    {
        string text = "[{\"cat\":\"Node\",\"name\":\"a_kernel_time\",\"ts\":1,\"dur\":100,\"ph\":\"X\",\"args\":{\"op_name\":\"Relu\",\"provider\":\"CPUExecutionProvider\"}},"
            + "{\"cat\":\"Node\",\"name\":\"a_kernel_time\",\"ts\":200,\"dur\":7,\"ph\":\"X\",\"args\":{\"op_name\":\"Relu\",\"provider\":\"CPUExecutionProvider\"}},"
            + "{\"cat\":\"Node\",\"name\":\"a_kernel_time\",\"ts\":300,\"dur\":9,\"ph\":\"X\",\"args\":{\"op_name\":\"Relu\",\"provider\":\"CPUExecutionProvider\"}}]";

        NodeTimes times = NodeTimes.Of(ProfileTraceReader.Parse(text), warmupRuns: 1);

        Assert.Equal(2, times.Inferences);
        Assert.Equal(8, times.Nodes.Single().MedianUs);
        Assert.Contains(times.Warnings, w => w.Contains("no \"model_run\"", StringComparison.Ordinal));
    }
}
