namespace EffNetBench.Core.Results;

/// <summary>Serialized as "zoo" (generated from a zoo variant) or "file" (an ONNX file the user gave).</summary>
public enum ModelSource
{
    Zoo,
    File,
}
