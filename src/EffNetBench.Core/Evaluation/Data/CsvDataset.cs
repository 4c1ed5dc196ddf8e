using System.Collections.Immutable;
using CsvHelper;
using EffNetBench.Core.Imaging;

namespace EffNetBench.Core.Evaluation.Data;

/// <summary>The "csv" layout of <see cref="DatasetReader"/>: rows of path,label.</summary>
internal static class CsvDataset
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        // Fixed: detection could pick ';' or '|' for a file whose paths contain them.
        Separator = ',',
        // The header is optional, so it is recognised by content below rather than assumed.
        HasHeader = false,
        TrimWhitespace = true,
        TrackLineNumbers = true,
    };

    public static Dataset Read(string csvPath, string? classesFile)
    {
        string folder = Path.GetDirectoryName(csvPath)!;
        var paths = new List<string>();
        var labels = new List<string>();
        var lines = new List<long>();
        try
        {
            using CsvReader csv = CsvReader.FromFile(csvPath, Options);
            bool first = true;
            while (csv.Read())
            {
                long line = csv.LineNumber;
                if (csv.FieldCount != 2)
                {
                    throw new DatasetException(csvPath, $"{DatasetReader.Line(csvPath, line)} has {csv.FieldCount} fields: each row must be path,label (quote fields that contain commas)");
                }

                string path = csv.GetString(0);
                string label = csv.GetString(1);
                bool header = first && string.Equals(path, "path", StringComparison.OrdinalIgnoreCase) && string.Equals(label, "label", StringComparison.OrdinalIgnoreCase);
                first = false;
                if (header)
                {
                    continue;
                }

                if (path.Length == 0 || label.Length == 0)
                {
                    throw new DatasetException(csvPath, $"{DatasetReader.Line(csvPath, line)} has an empty path or label: each row must be path,label");
                }

                paths.Add(DatasetReader.ResolveListed(path, folder, csvPath, line, "paths are relative to the CSV's folder"));
                labels.Add(label);
                lines.Add(line);
            }
        }
        catch (CsvFormatException e)
        {
            throw new DatasetException(csvPath, $"'{csvPath}' is not a valid CSV ({e.Message.ReplaceLineEndings(" ")}): write path,label rows, quoting fields with commas or quotes");
        }

        (ImmutableArray<string> classes, int[] indices) = LabelResolver.Resolve(labels, classesFile, i => DatasetReader.Line(csvPath, lines[i]));
        return new Dataset(csvPath, classes, [.. paths.Select((p, i) => new LabelledImage(p, indices[i]))], Dataset.CsvLayout);
    }
}
