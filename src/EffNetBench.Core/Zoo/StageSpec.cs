namespace EffNetBench.Core.Zoo;

/// <summary>One stage of the baseline network before scaling: a row of the architecture table.</summary>
/// <param name="Fused">Fused-MBConv (EfficientNetV2): the expansion is a k x k conv and there is no depthwise conv.</param>
/// <param name="SeRatio">Squeeze-excite ratio relative to the block's input channels; 0 means no SE.</param>
public sealed record StageSpec(int Expand, int Kernel, int Stride, int OutChannels, int Repeats, double SeRatio, bool Fused = false);
