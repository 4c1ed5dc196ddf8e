using System.Collections.Immutable;

namespace EffNetBench.Core.Zoo;

/// <summary>A fully scaled network: everything needed to count it or to write it as a graph.</summary>
public sealed record EfficientNetArchitecture(
    string Name,
    ModelFamily Family,
    int Resolution,
    int StemChannels,
    ImmutableArray<MbConvBlock> Blocks,
    int HeadChannels,
    int NumClasses,
    ActivationKind Activation,
    double Dropout)
{
    public const int StemKernel = 3;
    public const int StemStride = 2;
    public const int InputChannels = 3;
    public const double BatchNormEpsilon = 1e-3;
}
