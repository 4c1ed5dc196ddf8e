using SkiaSharp;

namespace EffNetBench.IntegrationTests.Evaluation.Data;

/// <summary>A temporary folder of small generated images, deleted on dispose.</summary>
internal sealed class DataWorkspace : IDisposable
{
    public DataWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "effnet-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a solid-colour image; the format follows the extension (.png, .jpg, .webp, .bmp).</summary>
    public string Image(string relative, SKColor colour, int width = 8, int height = 6)
    {
        using var bitmap = Solid(colour, width, height);
        return Save(relative, bitmap);
    }

    public string Save(string relative, SKBitmap bitmap)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".bmp")
        {
            File.WriteAllBytes(path, Bmp(bitmap));
            return path;
        }

        SKEncodedImageFormat format = ext switch
        {
            ".jpg" or ".jpeg" => SKEncodedImageFormat.Jpeg,
            ".webp" => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Png,
        };
        using SKData data = bitmap.Encode(format, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    public string Text(string relative, string content)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public static SKBitmap Solid(SKColor colour, int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(colour);
        return bitmap;
    }

    /// <summary>Skia has no BMP encoder: a 24-bit bottom-up BI_RGB file by hand.</summary>
    public static byte[] Bmp(SKBitmap bitmap)
    {
        int w = bitmap.Width, h = bitmap.Height, stride = ((w * 3) + 3) & ~3;
        var bytes = new byte[54 + (stride * h)];
        void Int(int at, int v) => BitConverter.GetBytes(v).CopyTo(bytes, at);
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        Int(2, bytes.Length);
        Int(10, 54);
        Int(14, 40);
        Int(18, w);
        Int(22, h);
        bytes[26] = 1;
        bytes[28] = 24;
        Int(34, stride * h);
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                int at = 54 + ((h - 1 - y) * stride) + (x * 3);
                bytes[at] = c.Blue;
                bytes[at + 1] = c.Green;
                bytes[at + 2] = c.Red;
            }
        }

        return bytes;
    }

    /// <summary>A 1x1 GIF89a whose single pixel is palette entry 0, red (Skia has no GIF encoder).</summary>
    public static readonly byte[] RedGif =
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
