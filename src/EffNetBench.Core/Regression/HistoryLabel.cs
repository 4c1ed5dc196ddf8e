namespace EffNetBench.Core.Regression;

/// <summary>What names each run in a history: `--label-by tool|onnxruntime|run-label`.</summary>
public enum HistoryLabel
{
    /// <summary>The run's <c>--label</c> (e.g. the release tag), or its id when it has none.</summary>
    RunLabel,

    /// <summary>The effnet-bench version that measured the run.</summary>
    Tool,

    /// <summary>The ONNX Runtime version the run measured.</summary>
    OnnxRuntime,
}
