namespace EffNetBench.Core.Imaging;

/// <summary>The file extensions <see cref="ImageDecoder"/> can decode, matched case-insensitively.</summary>
internal static class ImageExtensions
{
    public const string Listed = ".jpg, .jpeg, .png, .webp, .bmp, .gif";

    private static readonly HashSet<string> Supported =
        new([".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"], StringComparer.OrdinalIgnoreCase);

    public static bool IsSupported(string path) => Supported.Contains(Path.GetExtension(path));

    /// <summary>Dot files (.DS_Store, ._x.jpg from macOS copies) are file-system litter, never dataset images.</summary>
    public static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');
}
