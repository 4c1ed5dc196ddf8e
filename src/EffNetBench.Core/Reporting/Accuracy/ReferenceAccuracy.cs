using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>
/// Published ImageNet top-1 of trained EfficientNets by training recipe (Tan & Le 2019 Table 2; the AdvProp and Noisy Student papers). Each figure
/// is tied to the variant's native resolution: a model run at another size has no published accuracy.
/// </summary>
public static class ReferenceAccuracy
{
    /// <summary>AutoAugment, the paper's Table 2 (B0-B7, with top-5); Lite and V2 from their READMEs, as the zoo catalogue has them.</summary>
    public const string Paper = "paper";

    /// <summary>AdvProp + AutoAugment (tensorflow/tpu README), B0-B7 top-1 only.</summary>
    public const string AdvProp = "advprop";

    /// <summary>Noisy Student + RandAugment (tensorflow/tpu README), B0-B7 top-1 only.</summary>
    public const string NoisyStudent = "noisy-student";

    public static readonly ImmutableArray<string> Names = [Paper, AdvProp, NoisyStudent];

    private static readonly double[] AdvPropTop1 = [77.6, 79.6, 80.5, 81.9, 83.3, 84.3, 84.8, 85.2];
    private static readonly double[] NoisyStudentTop1 = [78.8, 81.5, 82.4, 84.1, 85.3, 86.1, 86.4, 86.9];

    /// <summary>Accepts the names case-insensitively, with '_' for '-' (noisy_student).</summary>
    public static bool TryNormalise(string name, out string canonical)
    {
        string n = name.Trim().ToLowerInvariant().Replace('_', '-');
        canonical = Names.FirstOrDefault(r => r == n) ?? string.Empty;
        return canonical.Length > 0;
    }

    /// <exception cref="AccuracySourceException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static ImmutableArray<AccuracyEntry> Entries(string name)
    {
        if (!TryNormalise(name, out string table))
        {
            throw new AccuracySourceException($"'{name}' is not a reference accuracy table: use {string.Join(", ", Names)}.");
        }

        return table switch
        {
            Paper => [.. ZooCatalog.All
                .Where(v => v.Published.Top1 is not null)
                .Select(v => new AccuracyEntry(v.Name, v.Spec.Resolution, v.Published.Top1!.Value, v.Published.Top5, v.Published.Source, AccuracyKind.Reference))],
            AdvProp => BSeries(AdvPropTop1, AdvProp),
            _ => BSeries(NoisyStudentTop1, NoisyStudent),
        };
    }

    private static ImmutableArray<AccuracyEntry> BSeries(double[] top1, string source) =>
    [
        .. top1.Select((t, i) =>
        {
            ZooVariant v = ZooCatalog.Find("b" + i.ToString(CultureInfo.InvariantCulture));
            return new AccuracyEntry(v.Name, v.Spec.Resolution, t, null, source, AccuracyKind.Reference);
        }),
    ];
}
