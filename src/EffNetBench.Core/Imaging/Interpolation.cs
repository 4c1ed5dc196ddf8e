namespace EffNetBench.Core.Imaging;

public enum Interpolation
{
    Bicubic,
    Bilinear,
    Nearest,
}
