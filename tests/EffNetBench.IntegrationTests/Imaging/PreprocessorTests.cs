using EffNetBench.Core.Imaging;
using EffNetBench.Core.Zoo;
using EffNetBench.IntegrationTests.Evaluation.Data;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Imaging;

public sealed class PreprocessorTests
{
    [Theory]
    [InlineData(Interpolation.Bicubic)]
    [InlineData(Interpolation.Bilinear)]
    [InlineData(Interpolation.Nearest)]
    public void SolidColourGivesThePinnedNormalisedConstant(Interpolation interpolation)
    {
        // ImageNet mean/std on [0, 1]: (128/255 - 0.485) / 0.229 = 0.074064... etc.
        Preprocessing p = Preprocessing.ForZooVariant("b0") with { Resolution = 16, Interpolation = interpolation };
        using SKBitmap image = DataWorkspace.Solid(new SKColor(128, 64, 255), 40, 30);
        float[] tensor = new float[p.ElementCount];
        Preprocessor.Fill(image, p, tensor);
        float[] expected = [0.0740646f, -0.9152660f, 2.64f];
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < 16 * 16; i++)
            {
                Assert.Equal(expected[c], tensor[(c * 256) + i], 5e-6f);
            }
        }
    }

    [Fact]
    public void LiteConstantsAreExact()
    {
        Preprocessing p = Preprocessing.ForZooVariant("lite0") with { Resolution = 8 };
        using SKBitmap image = DataWorkspace.Solid(new SKColor(255, 127, 63), 20, 11);
        float[] tensor = new float[p.ElementCount];
        Preprocessor.Fill(image, p, tensor);
        Assert.All(tensor[..64], v => Assert.Equal(1.0f, v));
        Assert.All(tensor[64..128], v => Assert.Equal(0.0f, v));
        Assert.All(tensor[128..], v => Assert.Equal(-0.5f, v));
    }

    [Fact]
    public void RedImagePlacementInNchwAndNhwcAndBgr()
    {
        Preprocessing p = new(4, 1.0, Interpolation.Nearest, [0f, 0f, 0f], [1f, 1f, 1f], 1f, ChannelOrder.Rgb, TensorLayout.Nchw);
        using SKBitmap red = DataWorkspace.Solid(SKColors.Red, 4, 4);
        float[] t = new float[p.ElementCount];

        Preprocessor.Fill(red, p, t);
        Assert.Equal([.. Enumerable.Repeat(1f, 16), .. Enumerable.Repeat(0f, 32)], t);

        Preprocessor.Fill(red, p with { Layout = TensorLayout.Nhwc }, t);
        Assert.Equal(Enumerable.Range(0, 16).SelectMany(_ => new[] { 1f, 0f, 0f }), t);

        Preprocessor.Fill(red, p with { Channels = ChannelOrder.Bgr }, t);
        Assert.Equal([.. Enumerable.Repeat(0f, 32), .. Enumerable.Repeat(1f, 16)], t);

        Preprocessor.Fill(red, p with { Channels = ChannelOrder.Bgr, Layout = TensorLayout.Nhwc }, t);
        Assert.Equal(Enumerable.Range(0, 16).SelectMany(_ => new[] { 0f, 0f, 1f }), t);
    }

    [Fact]
    public void BgrKeepsEachMeanOnItsOwnColour()
    {
        // Mean/Std are RGB-indexed: red's mean 0.5 must follow red into the last BGR channel.
        Preprocessing p = new(2, 1.0, Interpolation.Nearest, [0.5f, 0f, 0f], [1f, 1f, 2f], 1f, ChannelOrder.Bgr, TensorLayout.Nhwc);
        using SKBitmap image = DataWorkspace.Solid(new SKColor(255, 0, 255), 2, 2);
        float[] t = new float[p.ElementCount];
        Preprocessor.Fill(image, p, t);
        Assert.Equal([0.5f, 0f, 0.5f], t[..3]);
    }

    [Fact]
    public void CenterCropKeepsTheMiddleThird()
    {
        // 30 x 10: left and right thirds blue, middle third green. Shorter side 10 -> crop 10 x 10 from x = 10.
        using var image = new SKBitmap(new SKImageInfo(30, 10, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(image))
        {
            canvas.Clear(SKColors.Blue);
            canvas.DrawRect(10, 0, 10, 10, new SKPaint { Color = SKColors.Lime });
        }

        Preprocessing p = new(10, 1.0, Interpolation.Bicubic, [0f, 0f, 0f], [1f, 1f, 1f], 255f, ChannelOrder.Rgb, TensorLayout.Nchw);
        float[] t = new float[p.ElementCount];
        Preprocessor.Fill(image, p, t);
        Assert.All(t[..100], v => Assert.Equal(0f, v));
        Assert.All(t[100..200], v => Assert.Equal(255f, v));
        Assert.All(t[200..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void CenterCropAfterDownscalePicksTheCenter()
    {
        // 60 x 20 downscaled to 30 x 10 (crop_pct 1, res 10): the crop must come from the middle (green) third only.
        using var image = new SKBitmap(new SKImageInfo(60, 20, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(image))
        {
            canvas.Clear(SKColors.Red);
            canvas.DrawRect(16, 0, 28, 20, new SKPaint { Color = SKColors.Lime });
        }

        Preprocessing p = new(10, 1.0, Interpolation.Bilinear, [0f, 0f, 0f], [1f, 1f, 1f], 255f, ChannelOrder.Rgb, TensorLayout.Nhwc);
        float[] t = new float[p.ElementCount];
        Preprocessor.Fill(image, p, t);
        for (int i = 0; i < 100; i++)
        {
            Assert.True(t[(i * 3) + 1] > 250 && t[i * 3] < 5, FormattableString.Invariant($"pixel {i}: {t[i * 3]},{t[(i * 3) + 1]}"));
        }
    }

    [Theory]
    [InlineData(224, 0.875, 256)]
    [InlineData(240, 0.882, 272)]
    [InlineData(300, 0.904, 332)]
    [InlineData(600, 0.949, 632)]
    [InlineData(384, 1.0, 384)]
    public void ResizeTargetForCropPct(int res, double cropPct, int expected) =>
        Assert.Equal(expected, Preprocessing.ResizeFor(res, cropPct));

    [Fact]
    public void ShorterSideResizeAndCropOrigin()
    {
        Assert.Equal((256, 341), Preprocessor.ResizedSize(375, 500, 256));
        Assert.Equal((341, 256), Preprocessor.ResizedSize(500, 375, 256));
        Assert.Equal((58, 16), Preprocessor.CropOrigin(341, 256, 224));
    }

    [Fact]
    public void ZooDefaultsFollowTheReference()
    {
        Preprocessing b3 = Preprocessing.ForZooVariant("efficientnet-b3");
        Assert.Equal((300, 0.904, Interpolation.Bicubic, 1f), (b3.Resolution, b3.CropPct, b3.Interpolation, b3.Scale));
        Assert.Equal([0.485f, 0.456f, 0.406f], b3.Mean);
        Assert.Equal(0.949, Preprocessing.ForZooVariant("b7").CropPct);

        Preprocessing lite = Preprocessing.ForZooVariant("lite4");
        Assert.Equal((300, 0.875, 255f), (lite.Resolution, lite.CropPct, lite.Scale));
        Assert.Equal([127f, 127f, 127f], lite.Mean);

        Preprocessing v2 = Preprocessing.ForZooVariant("v2-s");
        Assert.Equal((384, 1.0, Interpolation.Bilinear, 255f), (v2.Resolution, v2.CropPct, v2.Interpolation, v2.Scale));
        Assert.Equal([128f, 128f, 128f], v2.Std);
        Assert.Throws<UnknownVariantException>(() => Preprocessing.ForZooVariant("b9"));
    }

    [Fact]
    public void WrongDestinationLengthIsRejected()
    {
        using SKBitmap image = DataWorkspace.Solid(SKColors.Red, 4, 4);
        Preprocessing p = Preprocessing.ForZooVariant("b0");
        Assert.Throws<ArgumentException>(() => Preprocessor.Fill(image, p, new float[10]));
    }
}
