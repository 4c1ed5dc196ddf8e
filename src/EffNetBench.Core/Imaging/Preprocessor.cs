using System.Buffers;
using SkiaSharp;

namespace EffNetBench.Core.Imaging;

/// <summary>
/// Resize (shorter side to <see cref="Preprocessing.ResizeSize"/>), center crop, scale, normalise, order channels and
/// lay out — the torchvision / timm eval transform on PIL images — into a caller's span, so a batch buffer is filled in
/// place. Bicubic and bilinear are Pillow's antialiased filters (<see cref="Resampler"/>); nearest is Skia's.
/// </summary>
public static class Preprocessor
{
    /// <param name="image">Any Skia bitmap; RGBA8888 (as <see cref="ImageDecoder"/> returns) avoids a conversion.</param>
    /// <param name="destination">Exactly 3 x Resolution x Resolution floats.</param>
    /// <exception cref="ArgumentException">The preprocessing is invalid or the destination has the wrong length.</exception>
    public static void Fill(SKBitmap image, Preprocessing p, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        int res = p.Resolution;
        if (destination.Length != p.ElementCount)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"destination holds {destination.Length} floats; {res}x{res}x3 needs {p.ElementCount}"), nameof(destination));
        }

        (int width, int height) = ResizedSize(image.Width, image.Height, p.ResizeSize);
        (int left, int top) = CropOrigin(width, height, res);
        SKBitmap? converted = null;
        SKBitmap? resized = null;
        try
        {
            SKBitmap source = image;
            if (image.ColorType != SKColorType.Rgba8888)
            {
                converted = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
                if (!image.CopyTo(converted, SKColorType.Rgba8888))
                {
                    throw new ArgumentException(FormattableString.Invariant($"Skia could not convert a {image.ColorType} bitmap to RGBA8888"), nameof(image));
                }

                source = converted;
            }

            if (width == source.Width && height == source.Height)
            {
                Write(source.GetPixelSpan(), source.RowBytes, left, top, p, destination);
            }
            else if (p.Interpolation is Interpolation.Bicubic or Interpolation.Bilinear)
            {
                // Pillow's antialiased resize, only the kept window: what the reference accuracies were measured with.
                byte[] window = ArrayPool<byte>.Shared.Rent(res * res * 4);
                try
                {
                    Resampler.ResizeCrop(source.GetPixelSpan(), source.Width, source.Height, source.RowBytes, width, height, left, top, res, res,
                        p.Interpolation == Interpolation.Bicubic, window);
                    Write(window, res * 4, 0, 0, p, destination);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(window);
                }
            }
            else
            {
                var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
                resized = source.Resize(info, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None))
                    ?? throw new ArgumentException(FormattableString.Invariant($"Skia could not resize a {image.Width}x{image.Height} bitmap to {width}x{height}"));
                Write(resized.GetPixelSpan(), resized.RowBytes, left, top, p, destination);
            }
        }
        finally
        {
            resized?.Dispose();
            converted?.Dispose();
        }
    }

    /// <summary>
    /// Shorter side becomes <paramref name="shorter"/>; the longer is scaled and truncated, as torchvision's
    /// Resize(int) does, so crops line up with the reference pipeline.
    /// </summary>
    public static (int Width, int Height) ResizedSize(int width, int height, int shorter)
    {
        if (width <= 0 || height <= 0 || shorter <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(shorter), "sizes must be positive");
        }

        if (width <= height)
        {
            return (shorter, Math.Max(shorter, (int)((long)shorter * height / width)));
        }

        return (Math.Max(shorter, (int)((long)shorter * width / height)), shorter);
    }

    /// <summary>Top-left of the centered crop; torchvision's int(round((size - crop) / 2)) with Python's half-to-even.</summary>
    public static (int Left, int Top) CropOrigin(int width, int height, int crop) =>
        ((int)Math.Round((width - crop) / 2.0, MidpointRounding.ToEven), (int)Math.Round((height - crop) / 2.0, MidpointRounding.ToEven));

    private static void Write(ReadOnlySpan<byte> pixels, int stride, int left, int top, Preprocessing p, Span<float> destination)
    {
        int res = p.Resolution;
        int plane = res * res;
        // v = byte * Scale / 255 / std - mean / std, folded into one multiply-add per element; computed in double once.
        Span<float> gain = stackalloc float[3];
        Span<float> offset = stackalloc float[3];
        Span<int> sourceChannel = stackalloc int[3];
        for (int c = 0; c < 3; c++)
        {
            // Output channel c reads source channel s; Mean/Std are indexed by the source (RGB) channel.
            int s = p.Channels == ChannelOrder.Bgr ? 2 - c : c;
            sourceChannel[c] = s;
            gain[c] = (float)(p.Scale / 255.0 / p.Std[s]);
            offset[c] = (float)(-(double)p.Mean[s] / p.Std[s]);
        }

        bool nchw = p.Layout == TensorLayout.Nchw;
        for (int y = 0; y < res; y++)
        {
            ReadOnlySpan<byte> row = pixels.Slice(((top + y) * stride) + (left * 4), res * 4);
            for (int x = 0; x < res; x++)
            {
                int i = (y * res) + x;
                for (int c = 0; c < 3; c++)
                {
                    float value = (row[(x * 4) + sourceChannel[c]] * gain[c]) + offset[c];
                    destination[nchw ? (c * plane) + i : (i * 3) + c] = value;
                }
            }
        }
    }
}
