using System.Collections.Immutable;
using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Quantization.Calibration;

/// <summary>
/// The calibration inputs as batches of one float tensor: images through eval's preprocessing (<see cref="Preprocessor"/>),
/// from a labelled dataset (<see cref="DatasetReader"/>: class folders or a CSV; a deterministic per-class subset) or an
/// unlabelled folder of images (sorted by path, first N); or, with no folder, the synthetic distribution the benchmarks
/// feed (InferenceRunner: uniform in [-1, 1)), here from the calibration seed.
/// </summary>
internal sealed class CalibrationBatches
{
    private readonly ImmutableArray<string> _images;

    private CalibrationBatches(ImmutableArray<string> images, int synthetic, string description)
    {
        _images = images;
        SyntheticCount = synthetic;
        Description = description;
    }

    /// <summary>How many samples (images or synthetic inputs) there are.</summary>
    public int Count => _images.IsDefaultOrEmpty ? SyntheticCount : _images.Length;

    public int SyntheticCount { get; }

    /// <summary>"N images of DIR" or "N synthetic inputs (uniform [-1, 1), no calibration images)".</summary>
    public string Description { get; private set; }

    public int Skipped { get; private set; }

    /// <exception cref="QuantizationException">The folder is missing, empty or has no images.</exception>
    public static CalibrationBatches From(CalibrationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.MaxImages < 1)
        {
            throw new QuantizationException(source.MaxImages.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "the number of calibration images must be at least 1", ErrorKind.Usage);
        }

        if (source.ImageFolder is null)
        {
            return new CalibrationBatches([], source.MaxImages,
                FormattableString.Invariant($"{source.MaxImages} synthetic inputs (uniform [-1, 1), seed {source.Seed}; no calibration images)"));
        }

        string root = Path.GetFullPath(source.ImageFolder);
        ImmutableArray<string> images = ListImages(root, source.MaxImages);
        return new CalibrationBatches(images, 0, FormattableString.Invariant($"{images.Length} images of {source.ImageFolder}"));
    }

    private static ImmutableArray<string> ListImages(string root, int max)
    {
        if (File.Exists(root) && root.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return [.. Read(root, max)];
        }

        if (!Directory.Exists(root))
        {
            throw new QuantizationException(root, $"calibration folder '{root}' not found: pass a folder of images (labelled by class subfolders or not) or a .csv of path,label", ErrorKind.Usage);
        }

        string[] flat;
        try
        {
            flat = [.. Directory.EnumerateFiles(root).Where(f => !ImageExtensions.IsHidden(f) && ImageExtensions.IsSupported(f)).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QuantizationException(root, $"calibration folder '{root}' cannot be read ({e.Message.ReplaceLineEndings(" ")}): fix its permissions", ErrorKind.Failed, e);
        }

        if (flat.Length > 0)
        {
            return [.. flat.Take(max)]; // an unlabelled folder
        }

        bool hasFolders = Directory.EnumerateDirectories(root).Any(d => !ImageExtensions.IsHidden(d));
        if (!hasFolders)
        {
            throw new QuantizationException(root, $"calibration folder '{root}' has no images: add {ImageExtensions.Listed} files (directly or in class subfolders)", ErrorKind.Usage);
        }

        return [.. Read(root, max)];
    }

    private static IEnumerable<string> Read(string root, int max)
    {
        try
        {
            return DatasetReader.Read(root, limit: max).Images.Select(i => i.Path);
        }
        catch (DatasetException e)
        {
            throw new QuantizationException(root, $"calibration data: {e.Message}", e.Kind, e);
        }
    }

    /// <summary>
    /// Fills <paramref name="batch"/> (count x elements floats) with samples <paramref name="first"/>.. and returns how
    /// many were written (images that fail to decode are skipped and counted in <see cref="Skipped"/>).
    /// </summary>
    public int Fill(int first, int count, Span<float> batch, int elements, Preprocessing? preprocessing, int seed)
    {
        if (_images.IsDefaultOrEmpty)
        {
            for (int s = 0; s < count; s++)
            {
                var random = new Random(unchecked(seed + first + s));
                Span<float> sample = batch.Slice(s * elements, elements);
                for (int i = 0; i < sample.Length; i++)
                {
                    sample[i] = (float)((random.NextDouble() * 2) - 1);
                }
            }

            return count;
        }

        ArgumentNullException.ThrowIfNull(preprocessing);

        // Decode and preprocess the batch's images in parallel into per-sample buffers, then pack the decodable ones.
        var samples = new float[count][];
        Parallel.For(0, count, s =>
        {
            using DecodeResult decoded = ImageDecoder.Decode(_images[first + s]);
            if (decoded.Succeeded)
            {
                var sample = new float[elements];
                Preprocessor.Fill(decoded.Image!, preprocessing, sample);
                samples[s] = sample;
            }
        });

        int written = 0;
        foreach (float[]? sample in samples)
        {
            if (sample is null)
            {
                Skipped++;
                continue;
            }

            sample.CopyTo(batch.Slice(written * elements, elements));
            written++;
        }

        return written;
    }

    public void NoteSkipped()
    {
        if (Skipped > 0)
        {
            Description += FormattableString.Invariant($" ({Skipped} undecodable skipped)");
        }
    }
}
