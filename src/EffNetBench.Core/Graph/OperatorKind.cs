namespace EffNetBench.Core.Graph;

/// <summary>The kind a node is grouped by in a profile: convolutions apart by their cost structure (depthwise
/// convolutions are memory-bound, 1x1 ones are matrix products; MobileNetV2, Sandler et al. 2018, section 3.1),
/// any other node by its op type.</summary>
public static class OperatorKind
{
    public const string Depthwise = "conv-depthwise";
    public const string Pointwise = "conv-pointwise";
    public const string Conv = "conv";

    /// <summary>"conv-depthwise" when group equals the input channels (more than one), "conv-pointwise" for a 1x1
    /// kernel in one group, "conv" otherwise.</summary>
    /// <param name="inputChannels">Channels of the input (axis 1 of NCHW).</param>
    /// <param name="kernel">Spatial kernel sizes (the weight's dims after the first two).</param>
    public static string OfConv(long inputChannels, long group, IReadOnlyList<long> kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (group > 1 && group == inputChannels)
        {
            return Depthwise;
        }

        return group == 1 && kernel.Count > 0 && kernel.All(k => k == 1) ? Pointwise : Conv;
    }
}
