using System.Collections.Immutable;

namespace EffNetBench.Core.Quantization;

/// <summary>The names of <see cref="Precision"/> on the command line and in files: "fp32", "fp16", "int8", "int8-dynamic".</summary>
public static class PrecisionNames
{
    public const string Fp32 = "fp32";

    public static ImmutableArray<string> All { get; } = ["fp32", "fp16", "int8", "int8-dynamic"];

    public static string Name(Precision precision) => precision switch
    {
        Precision.Fp32 => "fp32",
        Precision.Fp16 => "fp16",
        Precision.Int8 => "int8",
        Precision.Int8Dynamic => "int8-dynamic",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };

    public static bool TryParse(string? text, out Precision precision)
    {
        int index = All.IndexOf((text ?? string.Empty).Trim().ToLowerInvariant());
        precision = index < 0 ? Precision.Fp32 : (Precision)index;
        return index >= 0;
    }

    /// <summary>A recorded name (null for results written before precision existed: fp32).</summary>
    public static Precision Parse(string? recorded) =>
        recorded is null ? Precision.Fp32
        : TryParse(recorded, out Precision p) ? p
        : throw new ArgumentException($"'{recorded}' is not a precision: use {string.Join(", ", All)}", nameof(recorded));

    /// <summary>What a model/case records: null for fp32, so results of fp32 cases are unchanged.</summary>
    public static string? Recorded(Precision precision) => precision == Precision.Fp32 ? null : Name(precision);

    /// <summary>Lower precisions are ordered after fp32, in the order of <see cref="All"/>.</summary>
    public static int Order(string? recorded) => recorded is null ? 0 : Math.Max(0, All.IndexOf(recorded));
}
