using SkiaSharp;

namespace EffNetBench.Core.Imaging;

/// <summary>
/// A decoded image (opaque RGBA8888, upright) or why there is none. The caller owns the bitmap: dispose the result.
/// </summary>
public sealed record DecodeResult(SKBitmap? Image, string? Error) : IDisposable
{
    public bool Succeeded => Image is not null;

    public static DecodeResult Failure(string error) => new(null, error);

    public void Dispose() => Image?.Dispose();
}
