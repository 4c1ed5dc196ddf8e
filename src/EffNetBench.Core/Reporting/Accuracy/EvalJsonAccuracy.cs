using System.Text.Json;

namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>
/// Reads a measured evaluation: an object (or an array of objects) with "model", "top1" and optionally "top5" as
/// fractions in [0, 1], and optionally "resolution" (or "img_size"). Unknown fields are ignored.
/// </summary>
public static class EvalJsonAccuracy
{
    /// <exception cref="AccuracyFormatException">The file is missing, unreadable or not an evaluation.</exception>
    public static AccuracyTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(AccuracyFile.ReadText(path), path);
    }

    /// <param name="path">Names the file in messages; its file name becomes the source label "measured:NAME".</param>
    /// <exception cref="AccuracyFormatException">The text is not an evaluation.</exception>
    public static AccuracyTable Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        string source = AccuracySources.MeasuredPrefix + Path.GetFileName(path);
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new AccuracyFormatException(path, $"'{path}' is not valid JSON: {e.Message}", e);
        }

        JsonElement[] items = root.ValueKind switch
        {
            JsonValueKind.Object => [root],
            JsonValueKind.Array => [.. root.EnumerateArray()],
            _ => throw new AccuracyFormatException(path, $"'{path}' is not an evaluation: expected an object with model, top1 and top5."),
        };

        var entries = new List<AccuracyEntry>();
        var notes = new List<string>();
        foreach (JsonElement item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new AccuracyFormatException(path, $"'{path}' holds a {item.ValueKind.ToString().ToLowerInvariant()} where an evaluation object belongs.");
            }

            string model = item.TryGetProperty("model", out JsonElement m) && m.ValueKind == JsonValueKind.String && m.GetString() is { Length: > 0 } name
                ? name.Trim()
                : throw new AccuracyFormatException(path, $"'{path}' has an evaluation without a \"model\" name.");
            // A generated zoo model's weights are synthetic: its measured accuracy says nothing about the architecture.
            if (item.TryGetProperty("synthetic_weights", out JsonElement synthetic) && synthetic.ValueKind == JsonValueKind.True)
            {
                notes.Add($"{source}: {model} was evaluated with synthetic weights, so its measured accuracy is not used");
                continue;
            }

            double top1 = Fraction(item, "top1", model, path) ?? throw new AccuracyFormatException(path, $"'{path}': {model} has no \"top1\".");
            var entry = new AccuracyEntry(AccuracyTable.KeyOf(model), Resolution(item, model, path), 100 * top1, 100 * Fraction(item, "top5", model, path), source, AccuracyKind.Measured);
            if (entries.Any(e => e.Model == entry.Model && e.Resolution == entry.Resolution))
            {
                notes.Add($"{source}: {model} is evaluated more than once; the first evaluation is used");
                continue;
            }

            entries.Add(entry);
        }

        return AccuracyTable.Create(entries, notes);
    }

    private static double? Fraction(JsonElement item, string field, string model, string path)
    {
        if (!item.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // Fractions, as evaluation code computes them; a percentage here (77.1) would otherwise become 7710 %.
        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is double f && f is >= 0 and <= 1
            ? f
            : throw new AccuracyFormatException(path, $"'{path}': {field} of {model} is {value.GetRawText()}, not a fraction from 0 to 1.");
    }

    private static int? Resolution(JsonElement item, string model, string path)
    {
        foreach (string field in new[] { "resolution", "img_size" })
        {
            if (item.TryGetProperty(field, out JsonElement value) && value.ValueKind != JsonValueKind.Null)
            {
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int r) && r > 0
                    ? r
                    : throw new AccuracyFormatException(path, $"'{path}': {field} of {model} is {value.GetRawText()}, not a size in pixels.");
            }
        }

        return null;
    }
}
