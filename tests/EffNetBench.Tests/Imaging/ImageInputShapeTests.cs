using EffNetBench.Core.Imaging;

namespace EffNetBench.Tests.Imaging;

/// <summary>The one rule eval and end-to-end read a model's image input by.</summary>
public sealed class ImageInputShapeTests
{
    [Theory]
    [InlineData(new long[] { 1, 3, 224, 224 }, TensorLayout.Nchw)]
    [InlineData(new long[] { 1, 224, 224, 3 }, TensorLayout.Nhwc)]
    [InlineData(new long[] { 0, 3, 3, 3 }, TensorLayout.Nchw)]  // a 3x3 NCHW input stays NCHW
    [InlineData(new long[] { -1, 0, 0, 3 }, TensorLayout.Nhwc)] // dynamic size, channels last
    public void The_layout_is_channels_last_only_when_dimension_1_is_not_the_channels(long[] dims, TensorLayout layout) =>
        Assert.Equal(layout, new ImageInputShape("x", dims).Layout);

    [Fact]
    public void Fit_takes_layout_then_the_square_side_read_in_it()
    {
        Preprocessing p = Preprocessing.ImageNetDefault();

        Preprocessing nhwc = new ImageInputShape("x", [1, 300, 300, 3]).Fit(p);

        Assert.Equal((TensorLayout.Nhwc, 300), (nhwc.Layout, nhwc.Resolution));
    }

    [Fact]
    public void Fit_keeps_what_the_user_set_and_what_the_model_leaves_open()
    {
        Preprocessing p = Preprocessing.ImageNetDefault() with { Resolution = 256 };

        // The user's NCHW reads [1, 300, 300, 3] as 300 channels of 300 x 3: not square, so no resolution from it.
        Preprocessing userLayout = new ImageInputShape("x", [1, 300, 300, 3]).Fit(p, layoutFromModel: false);
        Preprocessing dynamic = new ImageInputShape("x", [-1, 3, -1, -1]).Fit(p);
        Preprocessing userSize = new ImageInputShape("x", [1, 3, 320, 320]).Fit(p, resolutionFromModel: false);
        Preprocessing notSquare = new ImageInputShape("x", [1, 3, 320, 240]).Fit(p);

        Assert.Equal((TensorLayout.Nchw, 256), (userLayout.Layout, userLayout.Resolution));
        Assert.Equal(256, dynamic.Resolution);
        Assert.Equal(256, userSize.Resolution);
        Assert.Equal(256, notSquare.Resolution);
    }
}
