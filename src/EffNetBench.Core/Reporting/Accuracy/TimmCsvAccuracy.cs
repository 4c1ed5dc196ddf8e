using System.Globalization;
using CsvHelper;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>
/// Reads a timm-style results CSV (model,img_size,top1,top5,... as timm's results-imagenet.csv; header names matched
/// case-insensitively). Top-1 and top-5 are percentages. timm names map to zoo variants where they can.
/// </summary>
public static class TimmCsvAccuracy
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        // The format is defined with commas; detecting ';' would accept files whose numbers have decimal commas.
        Separator = ',',
        TrimWhitespace = true,
        TrackLineNumbers = true,
    };

    /// <param name="checkpoint">`--timm-checkpoint`: see <see cref="TimmCheckpoint.Choose"/>; null takes the published recipe's.</param>
    /// <exception cref="AccuracyFormatException">The file is missing, unreadable or not a results CSV.</exception>
    public static AccuracyTable Load(string path, string? checkpoint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(AccuracyFile.ReadText(path), path, checkpoint);
    }

    /// <summary>
    /// One entry per architecture and size, from the checkpoint <see cref="TimmCheckpoint.Choose"/> picks among the
    /// rows that map to it; the entry names it in <see cref="AccuracyEntry.Checkpoint"/>, and a note says which rows were passed over.
    /// </summary>
    /// <param name="path">Names the file in messages; its file name becomes the source label "timm-csv:NAME".</param>
    /// <param name="checkpoint">See <see cref="Load"/>.</param>
    /// <exception cref="AccuracyFormatException">The text is not a results CSV.</exception>
    public static AccuracyTable Parse(string text, string path, string? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        string source = AccuracySources.TimmCsvPrefix + Path.GetFileName(path);
        var entries = new List<AccuracyEntry>();
        var notes = new List<string>();
        foreach (IGrouping<(string Key, int? Resolution), Row> group in Rows(text, path).GroupBy(r => (r.Key, r.Resolution)))
        {
            List<string> names = [.. group.Select(r => r.Name)];
            string what = group.Key.Key + (group.Key.Resolution is int px ? $" at {Rendering.Invariant.Number(px)} px" : string.Empty);
            (string? chosen, string why) = TimmCheckpoint.Choose(group.Key.Key, names, checkpoint);
            if (chosen is null)
            {
                notes.Add($"{source}: {what} has no accuracy from this file: {why} ({string.Join(", ", names)})");
                continue;
            }

            Row row = group.First(r => r.Name == chosen);
            entries.Add(new AccuracyEntry(row.Key, row.Resolution, row.Top1, row.Top5, source, AccuracyKind.TimmCsv) { Checkpoint = row.Name });
            if (names.Count > 1)
            {
                notes.Add($"{source}: {Rendering.Invariant.Number(names.Count)} rows map to {what} ({string.Join(", ", names)}); {chosen} is used: {why}");
            }
        }

        return AccuracyTable.Create(entries, notes);
    }

    private static List<Row> Rows(string text, string path)
    {
        var rows = new List<Row>();
        try
        {
            using CsvReader csv = CsvReader.FromText(text, Options);
            int model = Column(csv, "model", path);
            int top1 = Column(csv, "top1", path);
            int top5 = csv.TryGetFieldIndex("top5", out int t5) ? t5 : -1;
            int size = csv.TryGetFieldIndex("img_size", out int s) ? s : -1;
            while (csv.Read())
            {
                string name = csv.GetString(model).Trim();
                string line = csv.LineNumber.ToString(CultureInfo.InvariantCulture);
                if (name.Length == 0)
                {
                    throw new AccuracyFormatException(path, $"'{path}' line {line} has no model name.");
                }

                double value = Percent(csv, top1, "top1", path, line) ?? throw new AccuracyFormatException(path, $"'{path}' line {line} has no top1 for {name}.");
                int? resolution = size < 0 ? null : Size(csv.GetString(size), path, line);
                rows.Add(new Row(name, Key(name), resolution, value, top5 < 0 ? null : Percent(csv, top5, "top5", path, line)));
            }
        }
        catch (CsvFormatException e)
        {
            throw new AccuracyFormatException(path, $"'{path}' is not a valid CSV: {e.Message}", e);
        }

        return rows;
    }

    /// <summary>
    /// efficientnet_b0, tf_efficientnet_b0 and tf_efficientnetv2_s map to zoo variants, also with a timm pretrained tag
    /// (tf_efficientnet_b0.ns_jft_in1k); any other name is kept exactly, to match a model file of that name.
    /// </summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string bare = name.Split('.')[0];
        foreach (string candidate in new[] { bare, bare.StartsWith("tf_", StringComparison.OrdinalIgnoreCase) ? bare[3..] : bare })
        {
            if (ZooCatalog.TryFind(candidate, out ZooVariant variant))
            {
                return variant.Name;
            }
        }

        return name.Trim();
    }

    private static int Column(CsvReader csv, string name, string path) =>
        csv.TryGetFieldIndex(name, out int index)
            ? index
            : throw new AccuracyFormatException(path, $"'{path}' has no '{name}' column; a timm results CSV starts with model,img_size,top1,top5.");

    private static double? Percent(CsvReader csv, int index, string column, string path, string line)
    {
        string text = csv.GetString(index).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value is >= 0 and <= 100
            ? value
            : throw new AccuracyFormatException(path, $"'{path}' line {line}: {column} '{text}' is not a percentage from 0 to 100.");
    }

    private static int? Size(string text, string path, string line)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size > 0
            ? size
            : throw new AccuracyFormatException(path, $"'{path}' line {line}: img_size '{text}' is not a size in pixels.");
    }

    private sealed record Row(string Name, string Key, int? Resolution, double Top1, double? Top5);
}
