using System.Globalization;
using System.Text;

namespace EffNetBench.Core.Results;

/// <summary>Deterministic case ids such as "b0-r224/cpu/b1/t2"; `--resume` matches planned cases to finished ones by id.</summary>
public static class CaseId
{
    public const string EndToEndSuffix = "/e2e";

    /// <param name="resolution">Omitted from the id when null ("mymodel/cpu/b1/t4").</param>
    /// <param name="threads">Null (the ONNX Runtime default) is written "tdefault".</param>
    /// <param name="endToEnd">An end-to-end case (image bytes to class): the model case's id + "/e2e".</param>
    /// <param name="precision">A converted model's precision ("int8"...): a segment after the model
    /// ("b0-r224/int8/cpu/b1/t2"); null or "fp32" adds none, so fp32 ids are those of runs before precision existed.</param>
    public static string For(string modelName, int? resolution, string provider, int batch, int? threads, bool endToEnd = false, string? precision = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        string model = Segment(modelName) + (resolution is int r ? "-r" + r.ToString(CultureInfo.InvariantCulture) : string.Empty);
        string thread = threads is int t ? t.ToString(CultureInfo.InvariantCulture) : "default";
        if (!string.IsNullOrWhiteSpace(precision) && !string.Equals(precision.Trim(), "fp32", StringComparison.OrdinalIgnoreCase))
        {
            model += "/" + Segment(precision);
        }

        return $"{model}/{Segment(provider)}/b{batch.ToString(CultureInfo.InvariantCulture)}/t{thread}" + (endToEnd ? EndToEndSuffix : string.Empty);
    }

    private static string Segment(string value)
    {
        // '/' separates the parts, so it and whitespace inside a name become '-'.
        var text = new StringBuilder(value.Length);
        foreach (char c in value.Trim().ToLowerInvariant())
        {
            text.Append(c == '/' || c == '\\' || char.IsWhiteSpace(c) ? '-' : c);
        }

        return text.ToString();
    }
}
