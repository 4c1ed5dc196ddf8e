using EffNetBench.Core.Imaging;
using EffNetBench.IntegrationTests.Evaluation.Data;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Imaging;

public sealed class ImageDecoderTests : IDisposable
{
    private readonly DataWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Theory]
    [InlineData("a.png", 0)]
    [InlineData("a.bmp", 0)]
    [InlineData("a.webp", 0)]
    [InlineData("a.jpg", 3)]
    public void DecodesEachFormatToOpaqueRgba(string name, int tolerance)
    {
        string path = _ws.Image(name, new SKColor(200, 100, 50), 10, 7);
        using DecodeResult result = ImageDecoder.Decode(path);
        Assert.True(result.Succeeded, result.Error);
        SKBitmap image = result.Image!;
        Assert.Equal((10, 7), (image.Width, image.Height));
        Assert.Equal(SKColorType.Rgba8888, image.ColorType);
        SKColor c = image.GetPixel(5, 3);
        Assert.InRange(c.Red, 200 - tolerance, 200 + tolerance);
        Assert.InRange(c.Green, 100 - tolerance, 100 + tolerance);
        Assert.InRange(c.Blue, 50 - tolerance, 50 + tolerance);
        Assert.Equal(255, c.Alpha);
    }

    /// <summary>
    /// A 16x12 CMYK JPEG (Adobe APP14 marker), left half red and right half blue, made with Pillow 9.4:
    /// Image.new("RGB", ...).convert("CMYK").save(f, "JPEG", quality=95). Skia cannot encode CMYK, so the bytes are inline.
    /// </summary>
    private const string CmykJpegBase64 =
        "/9j/7gAOQWRvYmUAZAAAAAAA/9sAQwACAQEBAQECAQEBAgICAgIEAwICAgIFBAQDBAYFBgYGBQYGBgcJCAYHCQcGBggLCAkKCgoK"
        + "CgYICwwLCgwJCgoK/8AAFAgADAAQBEMRAE0RAFkRAEsRAP/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIB"
        + "AwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZH"
        + "SElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV"
        + "1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+v/aAA4EQwBNAFkASwAAPwD9/K/n/r+f+v38r+AOiv7/ACiv7/KK/gDor+AOiv7/ACiv"
        + "/9k=";

    [Fact]
    public void CmykJpegBecomesRgb()
    {
        string path = _ws.PathOf("cmyk.jpg");
        File.WriteAllBytes(path, Convert.FromBase64String(CmykJpegBase64));
        using DecodeResult result = ImageDecoder.Decode(path);
        Assert.True(result.Succeeded, result.Error);
        SKBitmap image = result.Image!;
        Assert.Equal((16, 12, SKColorType.Rgba8888), (image.Width, image.Height, image.ColorType));
        SKColor left = image.GetPixel(2, 5);
        SKColor right = image.GetPixel(13, 5);
        Assert.True(left.Red > 230 && left.Green < 25 && left.Blue < 25, $"left half should be red, is {left}");
        Assert.True(right.Red < 25 && right.Green < 25 && right.Blue > 230, $"right half should be blue, is {right}");
    }

    [Fact]
    public void DecodesTheFirstGifFrame()
    {
        string path = _ws.PathOf("a.gif");
        File.WriteAllBytes(path, DataWorkspace.RedGif);
        using DecodeResult result = ImageDecoder.Decode(path);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new SKColor(255, 0, 0), result.Image!.GetPixel(0, 0));
    }

    [Fact]
    public void GreyPngBecomesRgbWithEqualChannels()
    {
        using var grey = new SKBitmap(new SKImageInfo(4, 3, SKColorType.Gray8, SKAlphaType.Opaque));
        grey.Erase(new SKColor(90, 90, 90));
        string path = _ws.Save("grey.png", grey);
        using DecodeResult result = ImageDecoder.Decode(path);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(SKColorType.Rgba8888, result.Image!.ColorType);
        Assert.Equal(new SKColor(90, 90, 90, 255), result.Image.GetPixel(2, 1));
    }

    [Fact]
    public void TransparencyIsDroppedNotBlended()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(2, 2, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        // Half transparent: fully transparent pixels may be stored as zeros by the encoder itself.
        bitmap.Erase(new SKColor(10, 200, 30, 128));
        using DecodeResult result = ImageDecoder.Decode(_ws.Save("t.png", bitmap));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(255, result.Image!.GetPixel(0, 0).Alpha);
        Assert.InRange(result.Image.GetPixel(0, 0).Green, 198, 202);
    }

    [Fact]
    public void CorruptFileFailsWithReason()
    {
        string path = _ws.Text("bad.jpg", "this is not an image at all");
        using DecodeResult result = ImageDecoder.Decode(path);
        Assert.False(result.Succeeded);
        Assert.Contains("not a decodable image", result.Error);
        Assert.Contains(path, result.Error);
    }

    [Fact]
    public void TruncatedFileFailsWithReason()
    {
        using var bitmap = Gradient(64, 64);
        string path = _ws.Save("t.png", bitmap);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        using DecodeResult result = ImageDecoder.Decode(path);
        Assert.False(result.Succeeded);
        Assert.Contains("truncated", result.Error);
    }

    [Fact]
    public void MissingFileFailsWithoutThrowing()
    {
        using DecodeResult result = ImageDecoder.Decode(_ws.PathOf("none.png"));
        Assert.False(result.Succeeded);
        Assert.Contains("does not exist", result.Error);
    }

    [Fact]
    public void RefusesImagesAboveThePixelLimit()
    {
        string path = _ws.Image("big.png", SKColors.White, 100, 100);
        using DecodeResult refused = ImageDecoder.Decode(path, maxPixels: 9_999);
        Assert.False(refused.Succeeded);
        Assert.Contains("10000 pixels", refused.Error);
        Assert.Contains("decompression bomb", refused.Error);
        using DecodeResult accepted = ImageDecoder.Decode(path, maxPixels: 10_000);
        Assert.True(accepted.Succeeded, accepted.Error);
    }

    [Fact]
    public void AppliesExifOrientationFromAJpeg()
    {
        // Stored 32 wide x 16 tall: left half red, right half blue. EXIF 6 = shown rotated 90 degrees clockwise,
        // so upright it is 16 x 32 with red on top.
        using var bitmap = new SKBitmap(new SKImageInfo(32, 16, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            canvas.DrawRect(0, 0, 16, 16, new SKPaint { Color = SKColors.Red });
        }

        string path = _ws.Save("rot.jpg", bitmap);
        File.WriteAllBytes(path, WithExifOrientation(File.ReadAllBytes(path), 6));
        using DecodeResult result = ImageDecoder.Decode(path);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((16, 32), (result.Image!.Width, result.Image.Height));
        Assert.True(result.Image.GetPixel(8, 4).Red > 200 && result.Image.GetPixel(8, 4).Blue < 60);
        Assert.True(result.Image.GetPixel(8, 28).Blue > 200 && result.Image.GetPixel(8, 28).Red < 60);
    }

    [Theory]
    [InlineData(SKEncodedOrigin.TopLeft, "ABC/DEF")]
    [InlineData(SKEncodedOrigin.TopRight, "CBA/FED")]
    [InlineData(SKEncodedOrigin.BottomRight, "FED/CBA")]
    [InlineData(SKEncodedOrigin.BottomLeft, "DEF/ABC")]
    [InlineData(SKEncodedOrigin.LeftTop, "AD/BE/CF")]
    [InlineData(SKEncodedOrigin.RightTop, "DA/EB/FC")]
    [InlineData(SKEncodedOrigin.RightBottom, "FC/EB/DA")]
    [InlineData(SKEncodedOrigin.LeftBottom, "CF/BE/AD")]
    public void OriginMappingMatchesTheExifDefinitions(SKEncodedOrigin origin, string expected)
    {
        // Stored 3 x 2: "ABC" over "DEF", each letter a distinct grey level.
        using var stored = new SKBitmap(new SKImageInfo(3, 2, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int i = 0; i < 6; i++)
        {
            stored.SetPixel(i % 3, i / 3, new SKColor((byte)('A' + i), 0, 0));
        }

        using SKBitmap? upright = ExifOrientation.Apply(stored, origin);
        SKBitmap shown = upright ?? stored;
        string text = string.Join('/', Enumerable.Range(0, shown.Height)
            .Select(y => new string(Enumerable.Range(0, shown.Width).Select(x => (char)shown.GetPixel(x, y).Red).ToArray())));
        Assert.Equal(expected, text);
    }

    internal static SKBitmap Gradient(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 4), (byte)(y * 4), (byte)((x + y) * 2)));
            }
        }

        return bitmap;
    }

    /// <summary>Inserts a minimal big-endian EXIF APP1 segment with one Orientation (0x0112) entry after SOI.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, byte orientation)
    {
        Assert.Equal(0xFF, jpeg[0]);
        Assert.Equal(0xD8, jpeg[1]);
        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }
}
