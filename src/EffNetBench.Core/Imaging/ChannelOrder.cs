namespace EffNetBench.Core.Imaging;

public enum ChannelOrder
{
    Rgb,
    Bgr,
}
