using System.Collections.Immutable;
using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Evaluation.Data;

/// <summary>
/// The "imagenet-flat" layout: all images directly in one folder plus a labels file in one of two forms.
/// <list type="bullet">
/// <item>Pairs: every non-blank line is "file label" or "file,label"; the line is split at its last comma, else at its
/// last whitespace, so file names may contain spaces. Files are relative to the image folder; only listed files are
/// used (a labels file may name a subset).</item>
/// <item>One label per line (no line has a separator): line i labels the i-th image of the folder in ordinal file-name
/// order; the counts must match.</item>
/// </list>
/// Labels are class names (with a classes file) or 0-based output indices. The ImageNet devkit's
/// ILSVRC2012_validation_ground_truth.txt is 1-based in the devkit's own class order, not the sorted-synset order
/// models use: convert it to synset names and pass a classes file instead.
/// </summary>
internal static class FlatLabels
{
    public static Dataset Read(string folder, string labelsFile, string? classesFile)
    {
        if (!File.Exists(labelsFile))
        {
            throw new DatasetException(labelsFile, $"labels file '{labelsFile}' not found: pass lines of \"file label\" or one label per line in sorted file order", ErrorKind.Usage);
        }

        var entries = File.ReadAllLines(labelsFile)
            .Select((text, i) => (Text: text.Trim(), Line: i + 1L))
            .Where(e => e.Text.Length > 0)
            .ToList();
        bool pairs = entries.Any(e => e.Text.Contains(',') || e.Text.Any(char.IsWhiteSpace));
        var paths = new List<string>();
        var labels = new List<string>();
        var lines = new List<long>();
        if (pairs)
        {
            foreach ((string text, long line) in entries)
            {
                int split = text.LastIndexOf(',');
                if (split < 0)
                {
                    split = text.LastIndexOfAny([' ', '\t']);
                }

                string file = split < 0 ? string.Empty : text[..split].Trim();
                string label = split < 0 ? string.Empty : text[(split + 1)..].Trim();
                if (file.Length == 0 || label.Length == 0)
                {
                    throw new DatasetException(labelsFile, $"{DatasetReader.Line(labelsFile, line)} is not \"file label\": write a file name and its label on every line");
                }

                paths.Add(DatasetReader.ResolveListed(file, folder, labelsFile, line, $"file names are relative to '{folder}'"));
                labels.Add(label);
                lines.Add(line);
            }
        }
        else
        {
            string[] files = Directory.EnumerateFiles(folder)
                .Where(f => !ImageExtensions.IsHidden(f) && f != labelsFile && f != classesFile)
                .Order(StringComparer.Ordinal)
                .ToArray();
            string? unsupported = files.FirstOrDefault(f => !ImageExtensions.IsSupported(f));
            if (unsupported is not null)
            {
                throw DatasetReader.UnsupportedImage(unsupported, "a one-label-per-line labels file needs a folder of images only; move it out");
            }

            if (files.Length != entries.Count)
            {
                throw new DatasetException(labelsFile,
                    FormattableString.Invariant($"labels file '{labelsFile}' has {entries.Count} labels but '{folder}' has {files.Length} images: one label per line must match the images in sorted file-name order"));
            }

            paths.AddRange(files);
            labels.AddRange(entries.Select(e => e.Text));
            lines.AddRange(entries.Select(e => e.Line));
        }

        (ImmutableArray<string> classes, int[] indices) = LabelResolver.Resolve(labels, classesFile, i => DatasetReader.Line(labelsFile, lines[i]));
        return new Dataset(folder, classes, [.. paths.Select((p, i) => new LabelledImage(p, indices[i]))], Dataset.ImageNetFlatLayout);
    }
}
