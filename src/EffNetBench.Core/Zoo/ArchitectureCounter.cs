namespace EffNetBench.Core.Zoo;

/// <summary>Counts parameters and MACs from the architecture alone (independent of the graph writer and analyser).</summary>
public static class ArchitectureCounter
{
    public static ArchitectureCount Count(EfficientNetArchitecture arch)
    {
        long parameters = 0, bnChannels = 0, macs = 0;
        int size = arch.Resolution;

        void ConvBn(int cin, int cout, int k, int stride, int groups)
        {
            size = OutputSize(size, stride);
            long weights = (long)cout * (cin / groups) * k * k;
            parameters += weights + (2L * cout);
            bnChannels += cout;
            macs += weights * size * size;
        }

        ConvBn(EfficientNetArchitecture.InputChannels, arch.StemChannels, EfficientNetArchitecture.StemKernel,
            EfficientNetArchitecture.StemStride, 1);
        foreach (MbConvBlock b in arch.Blocks)
        {
            int mid = b.ExpandedChannels;
            if (b.Fused)
            {
                // Fused-MBConv: k x k expand conv carries the stride; with expand 1 it is the only conv.
                ConvBn(b.InChannels, b.HasExpansion ? mid : b.OutChannels, b.Kernel, b.Stride, 1);
                if (b.HasExpansion)
                {
                    ConvBn(mid, b.OutChannels, 1, 1, 1);
                }

                continue;
            }

            if (b.HasExpansion)
            {
                ConvBn(b.InChannels, mid, 1, 1, 1);
            }

            ConvBn(mid, mid, b.Kernel, b.Stride, mid);
            if (b.SeChannels > 0)
            {
                long se = (2L * mid * b.SeChannels) + b.SeChannels + mid; // two 1x1 convs with bias
                parameters += se;
                macs += 2L * mid * b.SeChannels;
            }

            ConvBn(mid, b.OutChannels, 1, 1, 1);
        }

        ConvBn(arch.Blocks[^1].OutChannels, arch.HeadChannels, 1, 1, 1);
        parameters += ((long)arch.HeadChannels * arch.NumClasses) + arch.NumClasses;
        macs += (long)arch.HeadChannels * arch.NumClasses;
        return new ArchitectureCount(parameters, bnChannels, macs);
    }

    /// <summary>'same' padding (TF) and k // 2 padding (PyTorch) both give ceil(size / stride).</summary>
    public static int OutputSize(int size, int stride) => (size + stride - 1) / stride;
}
