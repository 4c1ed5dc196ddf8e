using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Quantization;

/// <summary>A `--calibration DIR` folder: the images in it (any depth, labelled class folders or flat), which the
/// converter reads through `eval`'s preprocessing.</summary>
public static class CalibrationFolder
{
    /// <summary>The decodable, non-hidden image files under <paramref name="folder"/>, in ordinal order of their paths.</summary>
    public static IReadOnlyList<string> Images(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => ImageExtensions.IsSupported(f) && !ImageExtensions.IsHidden(f))
            .Order(StringComparer.Ordinal)];

    public const string ImageKinds = ImageExtensions.Listed;
}
