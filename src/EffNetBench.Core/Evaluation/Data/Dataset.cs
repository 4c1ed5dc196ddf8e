using System.Collections.Immutable;

namespace EffNetBench.Core.Evaluation.Data;

/// <summary>
/// A labelled image set as <see cref="DatasetReader"/> found it.
/// </summary>
/// <param name="Root">The full path given: a folder, or the CSV file.</param>
/// <param name="Classes">Class names in the model's output order: index i is output i.</param>
/// <param name="Images">Images with full paths, in the reader's stable order.</param>
/// <param name="Layout">"imagefolder", "csv" or "imagenet-flat".</param>
public sealed record Dataset(string Root, ImmutableArray<string> Classes, ImmutableArray<LabelledImage> Images, string Layout)
{
    public const string ImageFolderLayout = "imagefolder";
    public const string CsvLayout = "csv";
    public const string ImageNetFlatLayout = "imagenet-flat";
}
