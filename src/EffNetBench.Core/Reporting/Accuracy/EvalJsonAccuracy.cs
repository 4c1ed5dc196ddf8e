using System.Text.Json;
using EffNetBench.Core.Evaluation;

namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>
/// Reads measured evaluations: eval.json as `eval` writes it (<see cref="EvaluationDocument"/>), or an array of such
/// objects. Only "model" and "top1" are needed; "top5" and the resolution ("resolution", "img_size" or
/// "preprocessing.resolution", as files before "resolution" was written have it) are used when present.
/// Unknown fields are ignored.
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
        var entries = new List<AccuracyEntry>();
        var notes = new List<string>();
        foreach (EvaluationDocument evaluation in Documents(json, path))
        {
            string model = evaluation.Model is { Length: > 0 } name && name.Trim().Length > 0
                ? name.Trim()
                : throw new AccuracyFormatException(path, $"'{path}' has an evaluation without a \"model\" name.");
            if (evaluation.SyntheticWeights)
            {
                notes.Add($"{source}: {model} was evaluated with synthetic weights, so its measured accuracy is not used");
                continue;
            }

            double top1 = Fraction(evaluation.Top1, "top1", model, path) ?? throw new AccuracyFormatException(path, $"'{path}': {model} has no \"top1\".");
            int? resolution = evaluation.InputResolution is int r && r <= 0
                ? throw new AccuracyFormatException(path, $"'{path}': resolution of {model} is {Rendering.Invariant.Number(r)}, not a size in pixels.")
                : evaluation.InputResolution;
            var entry = new AccuracyEntry(AccuracyTable.KeyOf(model), resolution, 100 * top1, 100 * Fraction(evaluation.Top5, "top5", model, path), source, AccuracyKind.Measured)
            {
                Checkpoint = evaluation.ModelPath is { Length: > 0 } file ? Path.GetFileName(file) : null,
                Precision = Recorded(evaluation.Precision),
            };

            // `eval --precision`: each precision's figures on the same images, as entries of their own precision.
            IEnumerable<AccuracyEntry> all = [entry, .. (evaluation.Precisions ?? [])
                .Where(p => Recorded(p.Precision) != entry.Precision && p.Top1 is not null)
                .Select(p => entry with
                {
                    Top1 = 100 * Fraction(p.Top1, "top1", model, path)!.Value,
                    Top5 = 100 * Fraction(p.Top5, "top5", model, path),
                    Precision = Recorded(p.Precision),
                    Checkpoint = p.ModelPath is { Length: > 0 } converted ? Path.GetFileName(converted) : entry.Checkpoint,
                })];
            foreach (AccuracyEntry one in all)
            {
                if (entries.Any(e => e.Model == one.Model && e.Resolution == one.Resolution && e.Precision == one.Precision))
                {
                    notes.Add($"{source}: {model}{(one.Precision is null ? string.Empty : " " + one.Precision)} is evaluated more than once; the first evaluation is used");
                    continue;
                }

                entries.Add(one);
            }
        }

        return AccuracyTable.Create(entries, notes);
    }

    /// <summary>A precision as entries record it: null for fp32.</summary>
    private static string? Recorded(string? precision) =>
        precision is null || string.Equals(precision.Trim(), "fp32", StringComparison.OrdinalIgnoreCase) ? null : precision.Trim().ToLowerInvariant();

    /// <summary>The evaluations in the text: one object, or an array of them.</summary>
    private static List<EvaluationDocument> Documents(string json, string path)
    {
        using JsonDocument document = Document(json, path);
        JsonElement root = document.RootElement;
        JsonElement[] items = root.ValueKind switch
        {
            JsonValueKind.Object => [root],
            JsonValueKind.Array => [.. root.EnumerateArray()],
            _ => throw new AccuracyFormatException(path, $"'{path}' is not an evaluation: expected an object with model, top1 and top5."),
        };

        var documents = new List<EvaluationDocument>();
        foreach (JsonElement item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new AccuracyFormatException(path, $"'{path}' holds a {item.ValueKind.ToString().ToLowerInvariant()} where an evaluation object belongs.");
            }

            try
            {
                documents.Add(item.Deserialize<EvaluationDocument>()!);
            }
            catch (JsonException e)
            {
                throw TypeError(item, e, path);
            }
        }

        return documents;
    }

    private static JsonDocument Document(string json, string path)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new AccuracyFormatException(path, $"'{path}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>A field of the wrong type ("top1": "high"), named with the value found and what belongs there.</summary>
    private static AccuracyFormatException TypeError(JsonElement item, JsonException e, string path)
    {
        string field = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..].Split('.', '[')[0] : "a field";
        string model = item.TryGetProperty("model", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "an evaluation";
        string found = item.TryGetProperty(field, out JsonElement value) ? value.GetRawText() : "of the wrong type";
        string expected = field switch
        {
            "top1" or "top5" => "a fraction from 0 to 1",
            "resolution" or "img_size" or "preprocessing" => "a size in pixels",
            _ => "of the type eval.json has there",
        };
        return new AccuracyFormatException(path, $"'{path}': {field} of {model} is {found}, not {expected}.", e);
    }

    private static double? Fraction(double? value, string field, string model, string path) =>

        // Fractions, as evaluation code computes them; a percentage here (77.1) would otherwise become 7710 %.
        value is null or (>= 0 and <= 1)
            ? value
            : throw new AccuracyFormatException(path, $"'{path}': {field} of {model} is {Rendering.Invariant.Number(value, "R")}, not a fraction from 0 to 1.");
}
