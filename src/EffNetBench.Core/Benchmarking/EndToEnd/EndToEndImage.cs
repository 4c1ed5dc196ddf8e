using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Benchmarking.EndToEnd;

/// <summary>The image of `run --end-to-end`, read once per run and tried once with DecodeImage alone.</summary>
/// <param name="Bytes">The encoded file, fed unchanged to every inference; null when it could not be read.</param>
/// <param name="Width">Width DecodeImage decodes it to; null when unavailable.</param>
/// <param name="Height">Height DecodeImage decodes it to; null when unavailable.</param>
/// <param name="Unavailable">Why end-to-end cannot be measured here (the reason of every end-to-end case), or null.</param>
public sealed record EndToEndImage(string Path, byte[]? Bytes, int? Width, int? Height, string? Unavailable)
{
    public static EndToEndImage Load(string path) => Load(path, OrtExtensions.Probe);

    /// <param name="probe">DecodeImage on the bytes (the seam tests use to take the op away).</param>
    internal static EndToEndImage Load(string path, Func<byte[], (int Width, int Height)> probe)
    {
        // Checked again here, not only by the command: a resumed run reads the path its first run recorded, and the
        // file may have changed; bytes DecodeImage cannot take could end the process inside libjpeg.
        if (DecodeImageSupport.Problem(path) is string problem)
        {
            return new EndToEndImage(path, null, null, null, $"the end-to-end image '{path}' {problem}");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new EndToEndImage(path, null, null, null, $"the end-to-end image '{path}' cannot be read: {OrtExtensions.FirstLine(e.Message)}");
        }

        try
        {
            (int width, int height) = probe(bytes);
            return new EndToEndImage(path, bytes, width, height, null);
        }
        catch (EndToEndUnavailableException e)
        {
            return new EndToEndImage(path, bytes, null, null, e.Message);
        }
    }
}
