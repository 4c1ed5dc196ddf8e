using System.Collections.Immutable;
using EffNetBench.Core.Evaluation.Data;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>Which training images to look for in which test images, and the near-duplicate threshold.</summary>
/// <param name="Threshold">Largest Hamming distance (inclusive) between perceptual hashes counted as a near duplicate,
/// 0 to <see cref="PerceptualHash.MaxThreshold"/>.</param>
/// <param name="TrainRoot">The training folder, when the images came from one (reports only).</param>
/// <param name="TestRoot">The test folder, when the images came from one (reports only).</param>
public sealed record LeakageRequest(
    ImmutableArray<LeakageImage> Train,
    ImmutableArray<LeakageImage> Test,
    int Threshold = PerceptualHash.DefaultThreshold,
    string? TrainRoot = null,
    string? TestRoot = null)
{
    /// <summary>The images of two folders (see <see cref="LeakageImage.FromFolder"/>), checked to be usable.</summary>
    /// <exception cref="DatasetException">A folder is missing, is a file, holds no images, or the two folders are the
    /// same or one contains the other; the message is one line naming the folder and the fix.</exception>
    public static LeakageRequest FromFolders(string trainFolder, string testFolder, int threshold = PerceptualHash.DefaultThreshold)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trainFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(testFolder);
        string train = Folder(trainFolder, "training", "TRAIN_DIR");
        string test = Folder(testFolder, "test", "TEST_DIR");
        StringComparison comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (string.Equals(train, test, comparison))
        {
            throw new DatasetException(test, $"the training and test folders are the same folder '{test}': pass the training images' folder, then the test images' folder", ErrorKind.Usage);
        }

        if (Contains(train, test, comparison) || Contains(test, train, comparison))
        {
            (string outer, string inner) = Contains(train, test, comparison) ? (train, test) : (test, train);
            throw new DatasetException(inner, $"'{inner}' is inside '{outer}', so its images would be compared with themselves: pass two separate folders (e.g. data/train and data/test)", ErrorKind.Usage);
        }

        ImmutableArray<LeakageImage> trainImages = Images(train, "training");
        ImmutableArray<LeakageImage> testImages = Images(test, "test");
        return new LeakageRequest(trainImages, testImages, threshold, train, test);
    }

    private static string Folder(string folder, string role, string argument)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (File.Exists(full))
        {
            throw new DatasetException(full, $"{role} folder '{full}' is a file: pass the folder holding the {role} images as {argument}", ErrorKind.Usage);
        }

        if (!Directory.Exists(full))
        {
            throw new DatasetException(full, $"{role} folder '{full}' not found: pass the folder holding the {role} images as {argument}", ErrorKind.Usage);
        }

        return full;
    }

    private static ImmutableArray<LeakageImage> Images(string folder, string role)
    {
        ImmutableArray<LeakageImage> images = LeakageImage.FromFolder(folder);
        return images.IsEmpty
            ? throw new DatasetException(folder, $"{role} folder '{folder}' has no images ({ImageExtensions.Listed}, searched recursively): check the path", ErrorKind.Usage)
            : images;
    }

    private static bool Contains(string outer, string inner, StringComparison comparison) =>
        inner.StartsWith(outer.EndsWith(Path.DirectorySeparatorChar) ? outer : outer + Path.DirectorySeparatorChar, comparison);
}
