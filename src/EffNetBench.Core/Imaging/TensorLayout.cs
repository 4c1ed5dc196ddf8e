namespace EffNetBench.Core.Imaging;

public enum TensorLayout
{
    Nchw,
    Nhwc,
}
