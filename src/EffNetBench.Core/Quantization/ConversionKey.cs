using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EffNetBench.Core.Quantization;

/// <summary>What a converted model in the cache is keyed by: the source model's SHA-256, the precision, and every option
/// the converter sees (calibration folder with a fingerprint of its files, method, image count, seed, provider).</summary>
public static class ConversionKey
{
    public static string Sha256OfFile(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>"&lt;source sha 16&gt;-&lt;precision&gt;-&lt;options hash 12&gt;.onnx".</summary>
    public static string FileName(string sourceSha256, ConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(OptionsText(options)));
        return $"{sourceSha256[..16]}-{PrecisionNames.Name(options.Precision)}-{Convert.ToHexStringLower(hash)[..12]}.onnx";
    }

    /// <summary>The options that decide the converted graph, as text; calibration ones only for static int8.</summary>
    internal static string OptionsText(ConversionOptions options)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"precision={PrecisionNames.Name(options.Precision)};provider={options.Provider.ToLowerInvariant()}");
        if (options.Precision == Precision.Int8)
        {
            text.Append(CultureInfo.InvariantCulture, $";method={options.Method};percentile={options.Percentile:R}");
            if (options.Calibration is { } calibration)
            {
                text.Append(CultureInfo.InvariantCulture, $";images={calibration.MaxImages};seed={calibration.Seed}");
                text.Append(";folder=").Append(calibration.ImageFolder is null ? "synthetic" : Path.GetFullPath(calibration.ImageFolder) + "#" + FolderFingerprint(calibration.ImageFolder));
                if (calibration.ImageFolder is not null && options.Preprocessing is { } pre)
                {
                    // The images' preprocessing decides the calibration ranges as much as the images do.
                    text.Append(CultureInfo.InvariantCulture,
                        $";pre={pre.Resolution},{pre.CropPct:R},{pre.Interpolation},{string.Join('/', pre.Mean.Select(m => m.ToString("R", CultureInfo.InvariantCulture)))},{string.Join('/', pre.Std.Select(m => m.ToString("R", CultureInfo.InvariantCulture)))},{pre.Scale:R},{pre.Channels},{pre.Layout}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Relative path, size and write time of every file under the folder: a changed calibration set is a new key.</summary>
    private static string FolderFingerprint(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return "missing";
        }

        var lines = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => new FileInfo(f))
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(folder, f.FullName).Replace('\\', '/')}|{f.Length}|{f.LastWriteTimeUtc.Ticks}"))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];
    }
}
