using EffNetBench.Core.Quantization;

namespace EffNetBench.Tests.Quantization;

public sealed class QuantParamsTests
{
    [Fact]
    public void AsymmetricActivationScaleAndZeroPointAreOnnxRuntimes()
    {
        // [-1, 3]: scale = 4 / 255; zero point = round(-128 - (-1) / (4/255)) = round(-128 + 63.75) = round(-64.25) = -64.
        QuantParams p = QuantParams.Asymmetric(-1f, 3f);
        Assert.Equal(4f / 255f, p.Scale, 6);
        Assert.Equal(-64, p.ZeroPoint);

        // 1.0 / (4/255) = 63.75 -> 64, + (-64) = 0; 3.0 -> 191.25 -> 191 - 64 = 127; far outside saturates.
        Assert.Equal(0, p.Quantize(1f));
        Assert.Equal(127, p.Quantize(3f));
        Assert.Equal(127, p.Quantize(10f));
        Assert.Equal(-128, p.Quantize(-5f));
        Assert.Equal(-128, p.Quantize(-1f)); // -63.75 -> -64, - 64 = -128
        Assert.Equal(0.0, p.Dequantize(-64), 6);
    }

    [Fact]
    public void UnsignedActivationsShiftTheZeroPointBy128()
    {
        // [-1, 3]: same scale 4/255; zero point round(1 / (4/255)) = round(63.75) = 64 = -64 + 128.
        QuantParams p = QuantParams.AsymmetricUnsigned(-1f, 3f);
        Assert.Equal(4f / 255f, p.Scale, 6);
        Assert.Equal(64, p.ZeroPoint);
        Assert.Equal(64, p.QuantizeUnsigned(0f));
        Assert.Equal(255, p.QuantizeUnsigned(3f)); // 191.25 -> 191, + 64
        Assert.Equal(0, p.QuantizeUnsigned(-1f)); // -63.75 -> -64, + 64
        Assert.Equal(255, p.QuantizeUnsigned(100f));
        Assert.Equal(0, p.QuantizeUnsigned(-100f));

        // Range [-1, 1]: scale 2/255 rounds up in float32 (0.0078431377), so 1 / scale = 127.4999924 (float32, as
        // ONNX Runtime's numpy code computes it), not 127.5: the zero point is 127, not the 128 exact arithmetic gives.
        Assert.Equal(127, QuantParams.AsymmetricUnsigned(-1f, 1f).ZeroPoint);
        Assert.Equal(-1, QuantParams.Asymmetric(-1f, 1f).ZeroPoint);
    }

    [Fact]
    public void RangeIsWidenedToIncludeZero()
    {
        // [2, 4] becomes [0, 4]: zero maps exactly to -128.
        QuantParams p = QuantParams.Asymmetric(2f, 4f);
        Assert.Equal(4f / 255f, p.Scale, 6);
        Assert.Equal(-128, p.ZeroPoint);
        Assert.Equal(-128, p.Quantize(0f));
    }

    [Fact]
    public void EmptyRangeGetsScaleOne()
    {
        Assert.Equal(new QuantParams(1f, 0), QuantParams.Asymmetric(0f, 0f));
        Assert.Equal(new QuantParams(1f, 0), QuantParams.Symmetric(0f));
    }

    [Theory]
    [InlineData(0.25f, 0)] // 0.5 -> 0 (even)
    [InlineData(0.75f, 2)] // 1.5 -> 2
    [InlineData(1.25f, 2)] // 2.5 -> 2
    [InlineData(-0.25f, 0)] // -0.5 -> 0
    [InlineData(-0.75f, -2)] // -1.5 -> -2
    [InlineData(100f, 127)] // saturates
    [InlineData(-100f, -128)]
    public void QuantizeLinearRoundsHalfToEvenAndSaturates(float x, int expected) =>
        Assert.Equal(expected, new QuantParams(0.5f, 0).Quantize(x));

    [Fact]
    public void SymmetricWeightsUse127Levels()
    {
        // max|w| = 2.54: scale 0.02, zero point 0; ±2.54 -> ±127 (never -128).
        QuantParams p = QuantParams.Symmetric(2.54f);
        Assert.Equal(0.02f, p.Scale, 6);
        Assert.Equal(0, p.ZeroPoint);
        Assert.Equal(127, p.Quantize(2.54f));
        Assert.Equal(-127, p.Quantize(-2.54f));

        // A power-of-two scale makes the tie exact: max|w| = 31.75 -> scale 0.25; 0.625 / 0.25 = 2.5 -> 2.
        Assert.Equal(2, QuantParams.Symmetric(31.75f).Quantize(0.625f));
    }

    [Fact]
    public void ConvWeightsArePerOutputChannel()
    {
        // Two output channels of a 1x2x1x1 kernel: [0.5, -0.25] and [0.1, 0.0508]. Scales 0.5/127 and 0.1/127.
        float[] w = [0.5f, -0.25f, 0.1f, 0.0508f];
        long[] dims = [2, 2, 1, 1];
        float[] scales = QdqQuantizer.WeightScales(w, dims, axis: 0);
        Assert.Equal(0.5f / 127, scales[0], 7);
        Assert.Equal(0.1f / 127, scales[1], 7);

        // -0.25 / (0.5/127) = -63.5 -> -64 (even); 0.0508 / (0.1/127) = 64.516 -> 65.
        Assert.Equal(new sbyte[] { 127, -64, 127, 65 }, QdqQuantizer.QuantizeWeights(w, dims, 0, scales));
    }

    [Fact]
    public void GemmWeightsWithoutTransposeArePerColumn()
    {
        // B is [K=2, N=2]: per output column (axis 1), scales max(|1|,|4|)/127 and max(|-2|,|0.5|)/127.
        float[] w = [1f, -2f, 4f, 0.5f];
        float[] scales = QdqQuantizer.WeightScales(w, [2, 2], axis: 1);
        Assert.Equal(4f / 127, scales[0], 7);
        Assert.Equal(2f / 127, scales[1], 7);
    }
}
