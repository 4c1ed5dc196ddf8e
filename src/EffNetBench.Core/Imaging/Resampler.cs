using System.Buffers;

namespace EffNetBench.Core.Imaging;

/// <summary>
/// PIL's convolution resize (Pillow's Resample.c, the path torchvision and timm take for PIL images), which published
/// ImageNet accuracies were measured with. When shrinking, the filter is widened by the shrink factor, so every input
/// pixel contributes (antialiasing); a plain cubic sampler would read only 4 taps and alias. Separable: a horizontal
/// pass into 8-bit rows, then a vertical pass, each output pixel weighing the inputs within the filter's support around
/// its centre (o + 0.5) · in / out, weights normalised to sum 1 and held as 22-bit fixed point, results rounded and
/// clipped to 8 bits after each pass: Pillow's integer arithmetic, so its bytes are reproduced exactly (tested against
/// Pillow 9.4). Only the output window that is kept (the centre crop) is computed.
/// </summary>
internal static class Resampler
{
    /// <summary>Pillow's PRECISION_BITS: 32 - 8 (pixel) - 2 (headroom for negative lobes).</summary>
    private const int PrecisionBits = 22;

    /// <summary>Filter weights for one axis in fixed point: output pixel o reads input pixels Start[o] .. Start[o] + Count[o] - 1.</summary>
    internal readonly record struct Axis(int[] Start, int[] Count, int[] Weights, int Stride);

    /// <summary>
    /// Resizes RGBA8888 <paramref name="pixels"/> (<paramref name="width"/> x <paramref name="height"/>, row stride
    /// <paramref name="stride"/> bytes) to <paramref name="outWidth"/> x <paramref name="outHeight"/> and writes the
    /// <paramref name="cropWidth"/> x <paramref name="cropHeight"/> window at (<paramref name="left"/>, <paramref name="top"/>)
    /// as RGBA8888 into <paramref name="destination"/> (cropWidth x cropHeight x 4 bytes).
    /// </summary>
    public static void ResizeCrop(ReadOnlySpan<byte> pixels, int width, int height, int stride, int outWidth, int outHeight,
        int left, int top, int cropWidth, int cropHeight, bool cubic, Span<byte> destination)
    {
        if (left < 0 || top < 0 || cropWidth < 1 || cropHeight < 1 || left + cropWidth > outWidth || top + cropHeight > outHeight
            || destination.Length < cropWidth * cropHeight * 4 || pixels.Length < ((height - 1) * stride) + (width * 4))
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"crop {cropWidth}x{cropHeight} at ({left}, {top}) does not fit a {outWidth}x{outHeight} resize of a {width}x{height} image, or a buffer is short"));
        }

        int crop = cropWidth;
        Axis xs = Weights(width, outWidth, left, cropWidth, cubic);
        Axis ys = Weights(height, outHeight, top, cropHeight, cubic);

        // Rows of the input the kept output rows read, horizontally resized into the crop's columns.
        int firstRow = ys.Start[0];
        int lastRow = firstRow;
        for (int o = 0; o < cropHeight; o++)
        {
            lastRow = Math.Max(lastRow, ys.Start[o] + ys.Count[o]);
        }

        int rows = lastRow - firstRow;

        // Pooled: a few hundred KB per image would otherwise be large-object garbage that only a full GC frees.
        byte[] temp = ArrayPool<byte>.Shared.Rent(rows * crop * 4);
        try
        {
            Convolve(pixels, width, stride, crop, cropHeight, firstRow, rows, xs, ys, temp, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(temp);
        }
    }

    private static void Convolve(ReadOnlySpan<byte> pixels, int width, int stride, int crop, int cropHeight, int firstRow, int rows,
        Axis xs, Axis ys, byte[] temp, Span<byte> destination)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<byte> source = pixels.Slice((firstRow + r) * stride, width * 4);
            Span<byte> target = temp.AsSpan(r * crop * 4, crop * 4);
            for (int o = 0; o < crop; o++)
            {
                ReadOnlySpan<int> k = xs.Weights.AsSpan(o * xs.Stride, xs.Count[o]);
                int s = xs.Start[o] * 4;
                int red = Half, green = Half, blue = Half;
                for (int i = 0; i < k.Length; i++, s += 4)
                {
                    red += k[i] * source[s];
                    green += k[i] * source[s + 1];
                    blue += k[i] * source[s + 2];
                }

                target[o * 4] = Byte(red);
                target[(o * 4) + 1] = Byte(green);
                target[(o * 4) + 2] = Byte(blue);
                target[(o * 4) + 3] = 255;
            }
        }

        int rowBytes = crop * 4;
        for (int o = 0; o < cropHeight; o++)
        {
            ReadOnlySpan<int> k = ys.Weights.AsSpan(o * ys.Stride, ys.Count[o]);
            int first = ys.Start[o] - firstRow;
            Span<byte> target = destination.Slice(o * rowBytes, rowBytes);
            for (int x = 0; x < rowBytes; x += 4)
            {
                int red = Half, green = Half, blue = Half;
                int s = (first * rowBytes) + x;
                for (int i = 0; i < k.Length; i++, s += rowBytes)
                {
                    red += k[i] * temp[s];
                    green += k[i] * temp[s + 1];
                    blue += k[i] * temp[s + 2];
                }

                target[x] = Byte(red);
                target[x + 1] = Byte(green);
                target[x + 2] = Byte(blue);
                target[x + 3] = 255;
            }
        }
    }

    /// <summary>Pillow's precompute_coeffs for the <paramref name="count"/> outputs from <paramref name="first"/> on.</summary>
    internal static Axis Weights(int inSize, int outSize, int first, int count, bool cubic)
    {
        double scale = (double)inSize / outSize;
        double filterScale = Math.Max(scale, 1.0);
        double support = (cubic ? 2.0 : 1.0) * filterScale;
        int stride = (int)Math.Ceiling(support) * 2 + 1;
        var start = new int[count];
        var taps = new int[count];
        var weights = new int[count * stride];
        var k = new double[stride];
        for (int n = 0; n < count; n++)
        {
            int o = first + n;
            double centre = (o + 0.5) * scale;
            int min = Math.Max((int)(centre - support + 0.5), 0);
            int max = Math.Min((int)(centre + support + 0.5), inSize);
            int length = Math.Min(max - min, stride);
            double total = 0;
            for (int i = 0; i < length; i++)
            {
                k[i] = Filter((i + min - centre + 0.5) / filterScale, cubic);
                total += k[i];
            }

            for (int i = 0; i < length; i++)
            {
                // Pillow's normalize_coeffs_8bpc: round half away from zero into fixed point.
                double w = (total == 0 ? 0 : k[i] / total) * (1 << PrecisionBits);
                weights[(n * stride) + i] = (int)(w < 0 ? w - 0.5 : w + 0.5);
            }

            start[n] = min;
            taps[n] = length;
        }

        return new Axis(start, taps, weights, stride);
    }

    /// <summary>Pillow's bicubic (a = -0.5) and triangle (bilinear) filters.</summary>
    internal static double Filter(double x, bool cubic)
    {
        const double a = -0.5;
        x = Math.Abs(x);
        if (!cubic)
        {
            return x < 1 ? 1 - x : 0;
        }

        return x < 1 ? ((((a + 2) * x) - (a + 3)) * x * x) + 1
            : x < 2 ? ((((x - 5) * x) + 8) * x - 4) * a
            : 0;
    }

    /// <summary>Rounding term added to every sum before the shift.</summary>
    private const int Half = 1 << (PrecisionBits - 1);

    /// <summary>Pillow's clip8: the fixed-point sum (rounding term included) shifted down and clipped to [0, 255].</summary>
    private static byte Byte(int sum) =>
        sum <= 0 ? (byte)0 : (sum >> PrecisionBits) >= 255 ? (byte)255 : (byte)(sum >> PrecisionBits);
}
