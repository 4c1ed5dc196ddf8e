using System.Collections.Immutable;
using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>One image to check: its full path and its class label, when the layout gives one.</summary>
/// <param name="Label">The class (an ImageFolder class folder's name, or a dataset's label); null for a flat folder.</param>
public sealed record LeakageImage(string Path, string? Label)
{
    /// <summary>
    /// Every image below <paramref name="folder"/> (recursively; files with an <see cref="ImageDecoder"/> extension,
    /// other files ignored; hidden files and folders, names starting with '.', skipped), in ordinal path order. An
    /// image inside a subfolder is labelled with the name of the subfolder directly below <paramref name="folder"/>
    /// (ImageFolder: images anywhere below a class folder); an image directly in the folder has no label.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ImmutableArray<LeakageImage> FromFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string root = System.IO.Path.GetFullPath(folder);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var images = new List<LeakageImage>();
        foreach (string file in Directory.EnumerateFiles(root, "*", options))
        {
            if (!ImageExtensions.IsSupported(file))
            {
                continue;
            }

            string[] parts = System.IO.Path.GetRelativePath(root, file).Split(
                [System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Any(p => p.StartsWith('.')))
            {
                continue;
            }

            images.Add(new LeakageImage(file, parts.Length > 1 ? parts[0] : null));
        }

        images.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return [.. images];
    }
}
