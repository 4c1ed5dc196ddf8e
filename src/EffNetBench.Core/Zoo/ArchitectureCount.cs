namespace EffNetBench.Core.Zoo;

/// <summary>Analytic size of an architecture, counted from its specification rather than from a graph.</summary>
/// <param name="TrainableParams">Parameters in the PyTorch/paper convention: conv and FC weights, biases, and BatchNorm
/// scale and shift (2 per channel). BN running mean/var are buffers, not parameters.</param>
/// <param name="BatchNormChannels">Channels normalised by BatchNorm, summed over BN layers: the BN-folded ONNX graph has
/// TrainableParams - BatchNormChannels initializer elements, the BN-kept one TrainableParams + 2 x BatchNormChannels.</param>
/// <param name="Macs">Multiply-adds of convolutions, SE convs and the classifier (the paper's "FLOPS" convention), batch 1.</param>
public sealed record ArchitectureCount(long TrainableParams, long BatchNormChannels, long Macs)
{
    public long FoldedGraphParams => TrainableParams - BatchNormChannels;

    public long KeptGraphParams => TrainableParams + (2 * BatchNormChannels);
}
