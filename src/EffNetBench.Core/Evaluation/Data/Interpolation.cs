namespace EffNetBench.Core.Evaluation.Data;

public enum Interpolation
{
    Bicubic,
    Bilinear,
    Nearest,
}
