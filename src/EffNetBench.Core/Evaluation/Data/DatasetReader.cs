using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Evaluation.Data;

/// <summary>
/// Reads a labelled image set in one of three layouts:
/// <list type="bullet">
/// <item>"imagefolder": a folder with one subfolder per class (ImageNet val as synset folders n01440764/ ... is one);
/// images anywhere below a class folder, ordered by ordinal relative path; classes in ordinal folder order unless a
/// classes file gives the model's order (folders not listed there are an error; listed classes may have no folder).</item>
/// <item>"csv": a .csv of path,label (RFC 4180; header optional, recognised when it reads path,label; paths relative to
/// the CSV's folder); rows keep file order.</item>
/// <item>"imagenet-flat": a folder of images plus a labels file — see <see cref="FlatLabels"/>.</item>
/// </list>
/// Hidden files (names starting with '.') are skipped; any other file with an unsupported extension is an error,
/// because silently skipping it would change the evaluated set.
/// </summary>
public static class DatasetReader
{
    /// <param name="limit">A deterministic subset of at most this many images: a per-class round robin over the
    /// reader's order (each class's 1st image in class order, then each class's 2nd, ...), returned in the reader's
    /// order. The same files give the same subset, and every class is represented once the limit reaches the class count.</param>
    /// <exception cref="DatasetException">The dataset is missing, empty or inconsistent; the message names the fix.</exception>
    public static Dataset Read(string pathOrCsv, string? classesFile = null, string? labelsFile = null, int? limit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrCsv);
        if (limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be positive");
        }

        string root = Path.GetFullPath(pathOrCsv);
        string? classes = classesFile is null ? null : Path.GetFullPath(classesFile);
        string? labels = labelsFile is null ? null : Path.GetFullPath(labelsFile);
        Dataset dataset;
        if (File.Exists(root))
        {
            if (!root.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                throw new DatasetException(root, $"'{root}' is a file but not a .csv: pass an image folder, a .csv of path,label, or a folder of images with a labels file", ErrorKind.Usage);
            }

            if (labels is not null)
            {
                throw new DatasetException(root, $"'{root}' is a CSV, which carries its own labels: drop the labels file, or pass the image folder with it", ErrorKind.Usage);
            }

            dataset = CsvDataset.Read(root, classes);
        }
        else if (Directory.Exists(root))
        {
            dataset = labels is null ? ReadImageFolder(root, classes) : FlatLabels.Read(root, labels, classes);
        }
        else
        {
            throw new DatasetException(root, $"dataset '{root}' not found: pass an image folder (one subfolder per class), a .csv of path,label, or a folder of images with a labels file", ErrorKind.Usage);
        }

        if (dataset.Images.IsEmpty)
        {
            throw new DatasetException(root, $"dataset '{root}' ({dataset.Layout}) has no images: add {ImageExtensions.Listed} files, or check the path", ErrorKind.Usage);
        }

        return limit is int n ? dataset with { Images = Subset(dataset.Images, dataset.Classes.Length, n) } : dataset;
    }

    /// <summary>The per-class round robin described on <see cref="Read"/>, kept in the original order.</summary>
    internal static ImmutableArray<LabelledImage> Subset(ImmutableArray<LabelledImage> images, int classCount, int limit)
    {
        if (limit >= images.Length)
        {
            return images;
        }

        var perClass = new List<int>[classCount];
        for (int i = 0; i < images.Length; i++)
        {
            (perClass[images[i].ClassIndex] ??= []).Add(i);
        }

        var chosen = new List<int>(limit);
        for (int round = 0; chosen.Count < limit; round++)
        {
            foreach (List<int>? members in perClass)
            {
                if (members is not null && round < members.Count)
                {
                    chosen.Add(members[round]);
                    if (chosen.Count == limit)
                    {
                        break;
                    }
                }
            }
        }

        chosen.Sort();
        return [.. chosen.Select(i => images[i])];
    }

    private static Dataset ReadImageFolder(string root, string? classesFile)
    {
        string[] folders = Directory.GetDirectories(root)
            .Where(d => !ImageExtensions.IsHidden(d))
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (folders.Length == 0)
        {
            string hint = Directory.EnumerateFiles(root).Any(ImageExtensions.IsSupported)
                ? "it holds images but no class folders: pass a labels file for a flat folder, or sort the images into one subfolder per class"
                : "make one subfolder per class holding that class's images";
            throw new DatasetException(root, $"'{root}' has no class folders: {hint}", ErrorKind.Usage);
        }

        ImmutableArray<string> classes = classesFile is null ? [.. folders] : LabelResolver.ReadClassesFile(classesFile);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Length; i++)
        {
            index[classes[i]] = i;
        }

        var images = new List<LabelledImage>();
        foreach (string folder in folders)
        {
            if (!index.TryGetValue(folder, out int classIndex))
            {
                throw new DatasetException(Path.Combine(root, folder),
                    $"class folder '{Path.Combine(root, folder)}' is not in classes file '{classesFile}': add '{folder}' there or remove the folder");
            }

            string dir = Path.Combine(root, folder);
            IEnumerable<string> files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => !ImageExtensions.IsHidden(f))
                .Order(StringComparer.Ordinal);
            int before = images.Count;
            foreach (string file in files)
            {
                if (!ImageExtensions.IsSupported(file))
                {
                    throw UnsupportedImage(file, "convert or remove it");
                }

                images.Add(new LabelledImage(file, classIndex));
            }

            if (images.Count == before)
            {
                // torchvision's ImageFolder refuses this too: without a classes file the empty folder would still take a
                // class index and shift every later class's; with one, it is most likely a copy that went wrong.
                throw new DatasetException(dir, classesFile is null
                    ? $"class folder '{dir}' has no images: add its images or remove the folder (as a class it would shift the index of every class after it)"
                    : $"class folder '{dir}' has no images: add its images or remove the folder");
            }
        }

        // Class order, then path within a class: independent of the file system's enumeration order.
        images.Sort((a, b) => a.ClassIndex != b.ClassIndex ? a.ClassIndex.CompareTo(b.ClassIndex) : string.CompareOrdinal(a.Path, b.Path));
        return new Dataset(root, classes, [.. images], Dataset.ImageFolderLayout);
    }

    /// <summary>The full path of an image named on <paramref name="line"/> of a list file (a CSV or a labels file),
    /// checked to be decodable and present.</summary>
    /// <param name="relativeTo">How the message explains where relative names point.</param>
    internal static string ResolveListed(string name, string folder, string listFile, long line, string relativeTo)
    {
        string full = Path.GetFullPath(name, folder);
        if (!ImageExtensions.IsSupported(full))
        {
            throw UnsupportedImage(full, $"fix {Line(listFile, line)} or convert the image");
        }

        return File.Exists(full)
            ? full
            : throw new DatasetException(full, $"{Line(listFile, line)}: image '{full}' not found: {relativeTo}");
    }

    internal static DatasetException UnsupportedImage(string file, string fix) =>
        new(file, $"'{file}' has an unsupported image extension (supported: {ImageExtensions.Listed}): {fix}");

    internal static string Line(string file, long line) =>
        $"'{file}' line {line.ToString(CultureInfo.InvariantCulture)}";
}
