using SkiaSharp;

namespace EffNetBench.Core.Imaging;

/// <summary>
/// Makes a decoded bitmap upright from its EXIF origin by copying pixels (exact: no resampling), as PIL's
/// ImageOps.exif_transpose does, so photos taken sideways are classified the way people see them.
/// </summary>
internal static class ExifOrientation
{
    /// <summary>Whether the origin swaps width and height (the 90-degree ones).</summary>
    public static bool SwapsAxes(SKEncodedOrigin origin) => origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
        or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>The stored pixel (column, row) shown at upright (x, y) for a stored image of width w, height h.</summary>
    public static (int X, int Y) SourceOf(SKEncodedOrigin origin, int x, int y, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => (w - 1 - x, y),
        SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
        SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
        // EXIF 5: stored row 0 is the visual left, column 0 the visual top (a transpose).
        SKEncodedOrigin.LeftTop => (y, x),
        // EXIF 6: stored row 0 is the visual right, column 0 the visual top (camera rotated 90 degrees clockwise).
        SKEncodedOrigin.RightTop => (y, h - 1 - x),
        SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x),
        SKEncodedOrigin.LeftBottom => (w - 1 - y, x),
        _ => (x, y),
    };

    /// <summary>A new upright RGBA8888 bitmap; the source is left to the caller. TopLeft returns a copy-free null.</summary>
    public static SKBitmap? Apply(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft || (int)origin == 0)
        {
            return null;
        }

        if (source.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException("expects an RGBA8888 bitmap", nameof(source));
        }

        int w = source.Width, h = source.Height;
        bool swap = SwapsAxes(origin);
        int outW = swap ? h : w, outH = swap ? w : h;
        var result = new SKBitmap(new SKImageInfo(outW, outH, SKColorType.Rgba8888, source.AlphaType));
        ReadOnlySpan<byte> src = source.GetPixelSpan();
        Span<byte> dst = result.GetPixelSpan();
        int srcStride = source.RowBytes, dstStride = result.RowBytes;
        for (int y = 0; y < outH; y++)
        {
            for (int x = 0; x < outW; x++)
            {
                (int sx, int sy) = SourceOf(origin, x, y, w, h);
                src.Slice((sy * srcStride) + (sx * 4), 4).CopyTo(dst.Slice((y * dstStride) + (x * 4), 4));
            }
        }

        return result;
    }
}
