namespace EffNetBench.Core.Evaluation.Data;

public enum TensorLayout
{
    Nchw,
    Nhwc,
}
