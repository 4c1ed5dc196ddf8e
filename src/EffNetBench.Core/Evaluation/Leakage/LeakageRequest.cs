using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Imaging;

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
    /// <summary>The images of two folders (see <see cref="LeakageImage.FromFolder"/>), checked to be usable
    /// (<see cref="AgainstDataset"/> for the rule on shared images).</summary>
    /// <exception cref="DatasetException">A folder is missing, is a file or holds no images, or the folders share
    /// image files; the message is one line naming the folder and the fix.</exception>
    public static LeakageRequest FromFolders(string trainFolder, string testFolder, int threshold = PerceptualHash.DefaultThreshold)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trainFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(testFolder);
        string train = Folder(trainFolder, "training", "TRAIN_DIR");
        string test = Folder(testFolder, "test", "TEST_DIR");
        var request = new LeakageRequest(Images(train, "TRAIN_DIR"), Images(test, "TEST_DIR"), threshold, train, test);
        return request.Separate("TRAIN_DIR", "test");
    }

    /// <summary>
    /// The images of a training folder against the images of an evaluated dataset (labelled with their classes), for
    /// eval's --train. One rule for both commands: the training set and the test set must not share an image file
    /// (the same full path): a shared file is trivially its own exact duplicate, so every one would be reported as a
    /// leak. It covers the same folder given twice, one folder inside the other (either way round) and a CSV or labels
    /// file naming training files, and allows what is not an overlap (a test folder hidden inside the training one,
    /// which the training scan skips).
    /// </summary>
    /// <exception cref="DatasetException">The folder is missing, is a file or holds no images, or shares image files
    /// with the dataset.</exception>
    public static LeakageRequest AgainstDataset(string trainFolder, Dataset test, int threshold = PerceptualHash.DefaultThreshold)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trainFolder);
        ArgumentNullException.ThrowIfNull(test);
        string train = Folder(trainFolder, "training", "--train");
        var request = new LeakageRequest(Images(train, "--train"),
            [.. test.Images.Select(i => new LeakageImage(i.Path, test.Classes[i.ClassIndex]))], threshold, train, test.Root);
        return request.Separate("--train", "evaluated");
    }

    /// <summary>
    /// The calibration images of `eval --precision int8 --calibration DIR` against the evaluated dataset: the same rule
    /// as <see cref="AgainstDataset"/> (no shared image file), since an int8 model calibrated on the images it is then
    /// scored on has seen its test set.
    /// </summary>
    /// <exception cref="DatasetException">The folder is missing or holds no images, or shares image files with the dataset.</exception>
    public static LeakageRequest CalibrationAgainstDataset(string calibrationFolder, Dataset test)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calibrationFolder);
        ArgumentNullException.ThrowIfNull(test);
        string calibration = Folder(calibrationFolder, "calibration", "--calibration");
        var request = new LeakageRequest(Images(calibration, "--calibration"),
            [.. test.Images.Select(i => new LeakageImage(i.Path, test.Classes[i.ClassIndex]))], PerceptualHash.DefaultThreshold, calibration, test.Root);
        return request.Separate("--calibration", "evaluated");
    }

    /// <summary>This request, when no training image file is also a test image file.</summary>
    private LeakageRequest Separate(string trainArgument, string testRole)
    {
        StringComparer paths = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        var tested = new HashSet<string>(Test.Select(i => System.IO.Path.GetFullPath(i.Path)), paths);
        string[] shared = [.. Train.Select(i => System.IO.Path.GetFullPath(i.Path)).Where(tested.Contains)];
        return shared.Length == 0
            ? this
            : throw new DatasetException(TrainRoot ?? shared[0], string.Create(CultureInfo.InvariantCulture,
                $"{trainArgument} '{TrainRoot}' contains {shared.Length} of the {testRole} images (e.g. '{shared[0]}'), which would all count as leaks: pass a {(trainArgument == "--calibration" ? "calibration" : "training")} folder separate from the {testRole} images"), ErrorKind.Usage);
    }

    private static string Folder(string folder, string role, string argument)
    {
        string full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));
        if (File.Exists(full))
        {
            throw new DatasetException(full, $"{argument} '{full}' is not a folder but a file: pass the folder holding the {role} images", ErrorKind.Usage);
        }

        if (!Directory.Exists(full))
        {
            throw new DatasetException(full, $"{argument} '{full}' is not a folder: it does not exist; pass the folder holding the {role} images", ErrorKind.Usage);
        }

        return full;
    }

    private static ImmutableArray<LeakageImage> Images(string folder, string argument)
    {
        ImmutableArray<LeakageImage> images = LeakageImage.FromFolder(folder);
        return images.IsEmpty
            ? throw new DatasetException(folder, $"{argument} '{folder}' holds no images ({ImageExtensions.Listed}, searched recursively): check the path", ErrorKind.Usage)
            : images;
    }
}
