using EffNetBench.Core.Evaluation.Leakage;
using SkiaSharp;

namespace EffNetBench.Tests.Evaluation.Leakage;

public sealed class PerceptualHashTests
{
    private const int Side = 32;

    private static double[] Luma(Func<int, int, double> f)
    {
        var luma = new double[Side * Side];
        for (int y = 0; y < Side; y++)
        {
            for (int x = 0; x < Side; x++)
            {
                luma[(y * Side) + x] = f(y, x);
            }
        }

        return luma;
    }

    /// <summary>Rich in every low frequency (a product of two lopsided ramps): all 63 AC coefficients are distinct.</summary>
    private static double Lopsided(int y, int x) => 255 * Math.Pow(x / 31.0, 2) * (0.3 + (0.7 * Math.Pow(y / 31.0, 3)));

    [Theory]
    [InlineData(0UL, 0UL, 0)]
    [InlineData(0UL, ulong.MaxValue, 64)]
    [InlineData(0b1011UL, 0b0110UL, 3)]
    [InlineData(0x8000_0000_0000_0001UL, 0x0000_0000_0000_0001UL, 1)]
    [InlineData(0xAAUL, 0x55UL, 8)]
    public void Distance_counts_differing_bits(ulong a, ulong b, int expected)
    {
        Assert.Equal(expected, PerceptualHash.Distance(a, b));
        Assert.Equal(expected, PerceptualHash.Distance(b, a));
    }

    [Fact]
    public void A_rising_ramp_and_its_mirror_differ_exactly_in_the_odd_horizontal_frequencies()
    {
        // A horizontal ramp has energy only in row 0 of the DCT, at odd horizontal frequencies v (even ones cancel by
        // symmetry): negative for a rising ramp, positive for its mirror; all other coefficients are zero, the median.
        ulong? rising = PerceptualHash.FromLuma(Luma((_, x) => x * 8));
        ulong? falling = PerceptualHash.FromLuma(Luma((_, x) => (31 - x) * 8));

        Assert.Equal(0UL, rising);
        Assert.Equal((1UL << 1) | (1UL << 3) | (1UL << 5) | (1UL << 7), falling);
        Assert.Equal(4, PerceptualHash.Distance(rising!.Value, falling!.Value));
    }

    [Fact]
    public void A_detailed_image_and_its_mirror_differ_by_a_lot()
    {
        ulong image = PerceptualHash.FromLuma(Luma(Lopsided))!.Value;
        ulong mirror = PerceptualHash.FromLuma(Luma((y, x) => Lopsided(y, 31 - x)))!.Value;

        Assert.Equal(31, System.Numerics.BitOperations.PopCount(image));
        Assert.Equal(31, System.Numerics.BitOperations.PopCount(mirror));
        Assert.Equal(0UL, image & 1);
        // Mirroring flips the sign of every odd-v coefficient, and the median moves with them: half the bits change
        // (pinned), as far apart as two unrelated images.
        Assert.Equal(32, PerceptualHash.Distance(image, mirror));
    }

    [Fact]
    public void Brightness_offset_and_contrast_gain_leave_the_hash_unchanged()
    {
        ulong image = PerceptualHash.FromLuma(Luma(Lopsided))!.Value;

        Assert.Equal(image, PerceptualHash.FromLuma(Luma((y, x) => Lopsided(y, x) + 20)));
        Assert.Equal(image, PerceptualHash.FromLuma(Luma((y, x) => Lopsided(y, x) * 0.6)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.99)]
    public void An_image_without_a_grey_level_of_detail_has_no_hash(double range)
    {
        Assert.Null(PerceptualHash.FromLuma(Luma((y, x) => 128 + ((x == 5 && y == 7) ? range : 0))));
    }

    [Fact]
    public void One_grey_level_of_detail_is_enough()
    {
        Assert.NotNull(PerceptualHash.FromLuma(Luma((y, x) => 128 + ((x == 5 && y == 7) ? 1 : 0))));
    }

    [Fact]
    public void Luma_of_the_wrong_size_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => PerceptualHash.FromLuma(new double[31 * 32]));
    }

    [Fact]
    public void A_bitmap_is_hashed_through_its_32x32_luma_whatever_its_size()
    {
        // The same lopsided picture drawn at 32x32 and at 256x192: the downscale averages it back onto the same grid.
        using SKBitmap small = Bitmap(32, 32);
        using SKBitmap large = Bitmap(256, 192);

        ulong? a = PerceptualHash.Compute(small);
        ulong? b = PerceptualHash.Compute(large);

        Assert.Equal(PerceptualHash.FromLuma(Luma((y, x) => Math.Round(Lopsided(y, x)))), a);
        Assert.InRange(PerceptualHash.Distance(a!.Value, b!.Value), 0, 2);
    }

    [Fact]
    public void A_solid_bitmap_has_no_hash()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(40, 30, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(20, 200, 90));

        Assert.Null(PerceptualHash.Compute(bitmap));
    }

    /// <summary>Grey pixels of <see cref="Lopsided"/> sampled at each pixel's position on the 32x32 grid.</summary>
    private static SKBitmap Bitmap(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Span<byte> pixels = bitmap.GetPixelSpan();
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                byte v = (byte)Math.Round(Lopsided(y * Side / height, x * Side / width));
                int at = (y * bitmap.RowBytes) + (x * 4);
                pixels[at] = v;
                pixels[at + 1] = v;
                pixels[at + 2] = v;
                pixels[at + 3] = 255;
            }
        }

        return bitmap;
    }
}
