namespace EffNetBench.Core.Evaluation.Data;

public enum ChannelOrder
{
    Rgb,
    Bgr,
}
