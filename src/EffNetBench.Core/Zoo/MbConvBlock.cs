namespace EffNetBench.Core.Zoo;

/// <summary>One concrete (already scaled) MBConv or Fused-MBConv block.</summary>
/// <param name="SeChannels">Squeeze-excite bottleneck width; 0 when the block has no SE.</param>
public sealed record MbConvBlock(
    int Stage,
    int IndexInStage,
    bool Fused,
    int InChannels,
    int OutChannels,
    int Expand,
    int Kernel,
    int Stride,
    int SeChannels)
{
    public int ExpandedChannels => InChannels * Expand;

    public bool HasResidual => Stride == 1 && InChannels == OutChannels;

    public bool HasExpansion => Expand != 1;
}
