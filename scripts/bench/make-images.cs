#!/usr/bin/env -S dotnet run
// Generates a labelled ImageFolder of synthetic JPEGs for measuring `effnet-bench eval` speed (no downloads):
//   dotnet run scripts/bench/make-images.cs -- OUT_DIR [IMAGES=3000] [CLASSES=10] [WIDTH=500] [HEIGHT=375] [QUALITY=90]
// Each image is random shapes over a noisy gradient, deterministic per index, so JPEG decoding does real work.
#:package SkiaSharp
#:package SkiaSharp.NativeAssets.Linux.NoDependencies
using System.Globalization;
using SkiaSharp;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: make-images.cs OUT_DIR [IMAGES] [CLASSES] [WIDTH] [HEIGHT] [QUALITY]");
    return 2;
}

string root = args[0];
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
int images = Arg(1, 3000), classes = Arg(2, 10), width = Arg(3, 500), height = Arg(4, 375), quality = Arg(5, 90);

Parallel.For(0, images, i =>
{
    var random = new Random(i);
    using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
    using (var canvas = new SKCanvas(bitmap))
    {
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
            [new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)), new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))],
            SKShaderTileMode.Clamp);
        using var background = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, width, height, background);
        using var paint = new SKPaint { IsAntialias = true };
        for (int s = 0; s < 12; s++)
        {
            paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(96, 256));
            float x = random.Next(width), y = random.Next(height), r = random.Next(8, Math.Max(9, width / 4));
            if (s % 2 == 0)
            {
                canvas.DrawCircle(x, y, r, paint);
            }
            else
            {
                canvas.DrawRect(x - r, y - (r / 2), 2 * r, r, paint);
            }
        }
    }

    // Grain: JPEG of flat colour decodes unrealistically fast.
    Span<byte> pixels = bitmap.GetPixelSpan();
    for (int p = 0; p < pixels.Length; p += 4)
    {
        int n = random.Next(-12, 13);
        pixels[p] = (byte)Math.Clamp(pixels[p] + n, 0, 255);
        pixels[p + 1] = (byte)Math.Clamp(pixels[p + 1] + n, 0, 255);
        pixels[p + 2] = (byte)Math.Clamp(pixels[p + 2] + n, 0, 255);
    }

    string dir = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"class{i % classes:000}"));
    Directory.CreateDirectory(dir);
    using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
    File.WriteAllBytes(Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"img{i:000000}.jpg")), data.ToArray());
});

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {images} {width}x{height} JPEGs (quality {quality}) in {classes} class folders under {Path.GetFullPath(root)}"));
return 0;
