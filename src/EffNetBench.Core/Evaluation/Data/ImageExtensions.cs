namespace EffNetBench.Core.Evaluation.Data;

/// <summary>The file extensions <see cref="ImageDecoder"/> can decode, matched case-insensitively.</summary>
internal static class ImageExtensions
{
    public const string Listed = ".jpg, .jpeg, .png, .webp, .bmp, .gif";

    private static readonly HashSet<string> Supported =
        new([".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"], StringComparer.OrdinalIgnoreCase);

    public static bool IsSupported(string path) => Supported.Contains(Path.GetExtension(path));

    /// <summary>Dot files (.DS_Store, ._x.jpg from macOS copies) are file-system litter, never dataset images.</summary>
    public static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    /// <summary>The full path of an image named on <paramref name="line"/> of a list file (a CSV or a labels file),
    /// checked to be decodable and present.</summary>
    /// <param name="relativeTo">How the message explains where relative names point.</param>
    public static string ResolveListed(string name, string folder, string listFile, long line, string relativeTo)
    {
        string full = Path.GetFullPath(name, folder);
        if (!IsSupported(full))
        {
            throw Unsupported(full, $"fix {DatasetReader.Line(listFile, line)} or convert the image");
        }

        return File.Exists(full)
            ? full
            : throw new DatasetException(full, $"{DatasetReader.Line(listFile, line)}: image '{full}' not found: {relativeTo}");
    }

    public static DatasetException Unsupported(string file, string fix) =>
        new(file, $"'{file}' has an unsupported image extension (supported: {Listed}): {fix}");
}
