namespace EffNetBench.Tests.Benchmarking.Profiling;

/// <summary>Traces of the test models, named the way ONNX Runtime's CPU optimizer names their nodes.</summary>
internal static class TraceFor
{
    /// <summary><see cref="ProfileJoinTests.TinyMbConv"/>: 2 warm-up inferences, then 3 whose medians are 100, 45, 200,
    /// 10, 80 and 25 us.</summary>
    public static string TinyMbConv(string provider = "CPUExecutionProvider") => new TraceText()
        .Node("expand.conv_nchwc", "Conv", [1, 8, 8, 8], [[1, 4, 8, 8], [8, 4, 1, 1], [8]], provider)
        .Node("expand.silu/QuickGeluFusion/", "QuickGelu", [1, 8, 8, 8], [[1, 8, 8, 8]], provider)
        .Node("dw.conv_nchwc", "Conv", [1, 8, 8, 8], [[1, 8, 8, 8], [8, 1, 3, 3], [8]], provider)
        .Node("ReorderOutput", "ReorderOutput", [1, 8, 8, 8], [[1, 8, 8, 8]], provider)
        .Node("project.conv", "Conv", [1, 4, 8, 8], [[1, 8, 8, 8], [4, 8, 1, 1]], provider)
        .Node("add", "Add", [1, 4, 8, 8], [[1, 4, 8, 8], [1, 4, 8, 8]], provider)
        .Run(900, 900, 900, 900, 900, 900) // warm-up: left out
        .Run(900, 900, 900, 900, 900, 900)
        .Run(100, 40, 200, 10, 80, 20)
        .Run(110, 50, 210, 10, 80, 30)
        .Run(90, 45, 190, 10, 90, 25)
        .ToString();
}
