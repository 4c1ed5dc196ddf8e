using System.Numerics;
using SkiaSharp;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>
/// The DCT perceptual hash (pHash, after Python's imagehash.phash) of a decoded image: the whole image (aspect ratio
/// ignored) downscaled to 32x32 by Skia with linear mipmaps (close to an area average, so 500x375 and 250x188 copies
/// meet on nearly the same 32x32 grid), BT.601 luma (PIL's "L"), an unnormalised 2-D DCT-II (scipy's default), and
/// the top-left 8x8 block of coefficients, the lowest frequencies. Unlike imagehash, the DC coefficient is left out:
/// it only carries the mean brightness and lies above the median for any photo (imagehash's DC bit is set for all of
/// them), so its bit would be wasted. Bit <c>u * 8 + v</c> is set when coefficient (u, v) is above the median of the
/// 63 AC coefficients; bit 0 (DC) is always clear. With distinct coefficients (any photo) exactly 31 of the 63
/// meaningful bits are set, so distances between photos are even.
/// <para>
/// Why pHash rather than dHash: JPEG recompression quantises high frequencies and keeps low ones, which are exactly
/// the coefficients pHash reads; a median threshold on AC coefficients is unchanged by a brightness offset (until
/// pixels clip) and by a contrast gain; and every bit depends on the whole image, so local noise moves few bits.
/// dHash compares neighbouring pixels of a 9x8 thumbnail, so in smooth or low-contrast regions small changes flip
/// its bits.
/// </para>
/// <para>
/// An image whose 32x32 luma varies by less than one grey level (a blank frame, a solid colour) has no pHash: its AC
/// coefficients are rounding noise, and black and white would match. Such images only take part in exact matching.
/// </para>
/// </summary>
public static class PerceptualHash
{
    /// <summary>
    /// Pairs at a Hamming distance up to and including this are near duplicates (imagehash users' usual 8-10). Measured
    /// on 12 synthetic 500x375 photos (the tests' kind): copies re-encoded as JPEG quality 60 at half size, quality 30
    /// at quarter size, or brightened or darkened by 30 levels were 0-6 bits from the original; the 1,770 pairs of 60
    /// distinct photos were 18 to 46 apart (median 32). A real photo against an edit of it (darkened, one region
    /// brightened) was at 12: a higher threshold catches edited copies, at the price of more unrelated matches.
    /// </summary>
    public const int DefaultThreshold = 10;

    /// <summary>The largest threshold accepted: unrelated images differ in about 32 bits, and the closest of the 1,770
    /// pairs of distinct synthetic photos differed in 18, so beyond this a "near duplicate" means little.</summary>
    public const int MaxThreshold = 20;

    public const string Definition =
        "phash: whole image to 32x32 luma (BT.601, mipmapped linear downscale), unnormalised 2-D DCT-II, 63 AC coefficients of the top-left 8x8 (DC excluded) thresholded at their median; Hamming distance";

    private const int Side = 32;
    private const int Low = 8;

    /// <summary>cos(pi * u * (2x + 1) / 64) for the 8 lowest frequencies u and the 32 samples x.</summary>
    private static readonly double[] Cosines = BuildCosines();

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <returns>The hash, or null for an image without detail (see the type's remarks).</returns>
    public static ulong? Compute(SKBitmap image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var info = new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using SKBitmap small = image.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new ArgumentException(FormattableString.Invariant($"Skia could not resize a {image.Width}x{image.Height} bitmap to {Side}x{Side}"), nameof(image));
        ReadOnlySpan<byte> pixels = small.GetPixelSpan();
        Span<double> luma = stackalloc double[Side * Side];
        for (int y = 0; y < Side; y++)
        {
            ReadOnlySpan<byte> row = pixels.Slice(y * small.RowBytes, Side * 4);
            for (int x = 0; x < Side; x++)
            {
                luma[(y * Side) + x] = (0.299 * row[x * 4]) + (0.587 * row[(x * 4) + 1]) + (0.114 * row[(x * 4) + 2]);
            }
        }

        return FromLuma(luma);
    }

    /// <param name="luma">32x32 grey values, row by row.</param>
    /// <returns>The hash, or null when all values lie within one grey level of each other.</returns>
    internal static ulong? FromLuma(ReadOnlySpan<double> luma)
    {
        if (luma.Length != Side * Side)
        {
            throw new ArgumentException(FormattableString.Invariant($"a pHash reads {Side}x{Side} values, got {luma.Length}"), nameof(luma));
        }

        double min = double.MaxValue, max = double.MinValue;
        foreach (double value in luma)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        if (max - min < 1)
        {
            return null;
        }

        Span<double> coefficients = stackalloc double[Low * Low];
        LowFrequencyDct(luma, coefficients);

        // A coefficient that symmetry makes zero comes out as rounding noise (1e-13 of the others), whose sign could
        // differ between machines' cosines; zeroed, it ties at zero and the hash is the same everywhere.
        double largest = 0;
        for (int k = 1; k < Low * Low; k++)
        {
            largest = Math.Max(largest, Math.Abs(coefficients[k]));
        }

        for (int k = 1; k < Low * Low; k++)
        {
            if (Math.Abs(coefficients[k]) <= largest * 1e-9)
            {
                coefficients[k] = 0;
            }
        }

        Span<double> ac = stackalloc double[(Low * Low) - 1];
        coefficients[1..].CopyTo(ac);
        ac.Sort();
        double median = ac[ac.Length / 2];
        ulong hash = 0;
        for (int k = 1; k < Low * Low; k++)
        {
            if (coefficients[k] > median)
            {
                hash |= 1UL << k;
            }
        }

        return hash;
    }

    /// <summary>F(u, v) = sum over y, x of f(y, x) cos(pi u (2y + 1) / 64) cos(pi v (2x + 1) / 64) for u, v below 8:
    /// the DCT-II along rows then columns, without scipy's factor 2 per axis (a common scale leaves the median
    /// comparison unchanged).</summary>
    internal static void LowFrequencyDct(ReadOnlySpan<double> luma, Span<double> coefficients)
    {
        Span<double> rows = stackalloc double[Side * Low];
        for (int y = 0; y < Side; y++)
        {
            ReadOnlySpan<double> row = luma.Slice(y * Side, Side);
            for (int v = 0; v < Low; v++)
            {
                ReadOnlySpan<double> cos = Cosines.AsSpan(v * Side, Side);
                double sum = 0;
                for (int x = 0; x < Side; x++)
                {
                    sum += row[x] * cos[x];
                }

                rows[(y * Low) + v] = sum;
            }
        }

        for (int u = 0; u < Low; u++)
        {
            ReadOnlySpan<double> cos = Cosines.AsSpan(u * Side, Side);
            for (int v = 0; v < Low; v++)
            {
                double sum = 0;
                for (int y = 0; y < Side; y++)
                {
                    sum += rows[(y * Low) + v] * cos[y];
                }

                coefficients[(u * Low) + v] = sum;
            }
        }
    }

    private static double[] BuildCosines()
    {
        var table = new double[Low * Side];
        for (int u = 0; u < Low; u++)
        {
            for (int x = 0; x < Side; x++)
            {
                table[(u * Side) + x] = Math.Cos(Math.PI * u * ((2 * x) + 1) / (2 * Side));
            }
        }

        return table;
    }
}
