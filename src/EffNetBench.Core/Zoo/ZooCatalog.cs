using System.Collections.Immutable;

namespace EffNetBench.Core.Zoo;

/// <summary>Every variant the zoo generates. Coefficients and published figures: Tan & Le 2019 (EfficientNet) and 2021 (EfficientNetV2), the TF EfficientNet-Lite README, torchvision.</summary>
public static class ZooCatalog
{
    /// <summary>EfficientNet-B0's stages (paper Table 1); B1-B7 and Lite scale these.</summary>
    public static readonly ImmutableArray<StageSpec> EfficientNetB0Stages =
    [
        new(1, 3, 1, 16, 1, 0.25),
        new(6, 3, 2, 24, 2, 0.25),
        new(6, 5, 2, 40, 2, 0.25),
        new(6, 3, 2, 80, 3, 0.25),
        new(6, 5, 1, 112, 3, 0.25),
        new(6, 5, 2, 192, 4, 0.25),
        new(6, 3, 1, 320, 1, 0.25),
    ];

    private static readonly ImmutableArray<StageSpec> V2S =
    [
        new(1, 3, 1, 24, 2, 0, Fused: true),
        new(4, 3, 2, 48, 4, 0, Fused: true),
        new(4, 3, 2, 64, 4, 0, Fused: true),
        new(4, 3, 2, 128, 6, 0.25),
        new(6, 3, 1, 160, 9, 0.25),
        new(6, 3, 2, 256, 15, 0.25),
    ];

    private static readonly ImmutableArray<StageSpec> V2M =
    [
        new(1, 3, 1, 24, 3, 0, Fused: true),
        new(4, 3, 2, 48, 5, 0, Fused: true),
        new(4, 3, 2, 80, 5, 0, Fused: true),
        new(4, 3, 2, 160, 7, 0.25),
        new(6, 3, 1, 176, 14, 0.25),
        new(6, 3, 2, 304, 18, 0.25),
        new(6, 3, 1, 512, 5, 0.25),
    ];

    private static readonly ImmutableArray<StageSpec> V2L =
    [
        new(1, 3, 1, 32, 4, 0, Fused: true),
        new(4, 3, 2, 64, 7, 0, Fused: true),
        new(4, 3, 2, 96, 7, 0, Fused: true),
        new(4, 3, 2, 192, 10, 0.25),
        new(6, 3, 1, 224, 19, 0.25),
        new(6, 3, 2, 384, 25, 0.25),
        new(6, 3, 1, 640, 7, 0.25),
    ];

    public static readonly ImmutableArray<ZooVariant> All =
    [
        B("b0", 1.0, 1.0, 224, 0.2, new(5.3e6, 0.39e9, 224, 77.1, 93.3, "paper", 5_288_548, 0.386, 224)),
        B("b1", 1.0, 1.1, 240, 0.2, new(7.8e6, 0.70e9, 240, 79.1, 94.4, "paper", 7_794_184, 0.687, 240)),
        B("b2", 1.1, 1.2, 260, 0.3, new(9.2e6, 1.0e9, 260, 80.1, 94.9, "paper", 9_109_994, 1.088, 288)),
        B("b3", 1.2, 1.4, 300, 0.3, new(12e6, 1.8e9, 300, 81.6, 95.7, "paper", 12_233_232, 1.827, 300)),
        B("b4", 1.4, 1.8, 380, 0.4, new(19e6, 4.2e9, 380, 82.9, 96.4, "paper", 19_341_616, 4.394, 380)),
        B("b5", 1.6, 2.2, 456, 0.4, new(30e6, 9.9e9, 456, 83.6, 96.7, "paper", 30_389_784, 10.266, 456)),
        B("b6", 1.8, 2.6, 528, 0.5, new(43e6, 19e9, 528, 84.0, 96.8, "paper", 43_040_704, 19.068, 528)),
        B("b7", 2.0, 3.1, 600, 0.5, new(66e6, 37e9, 600, 84.3, 97.0, "paper", 66_347_960, 37.746, 600)),
        Lite("lite0", 1.0, 1.0, 224, new(4.7e6, 407e6, 224, 75.1, null, "tf-lite-readme")),
        Lite("lite1", 1.0, 1.1, 240, new(5.4e6, 631e6, 240, 76.7, null, "tf-lite-readme")),
        Lite("lite2", 1.1, 1.2, 260, new(6.1e6, 899e6, 260, 77.6, null, "tf-lite-readme")),
        Lite("lite3", 1.2, 1.4, 280, new(8.2e6, 1.44e9, 280, 79.8, null, "tf-lite-readme")),
        Lite("lite4", 1.4, 1.8, 300, new(13.0e6, 2.64e9, 300, 81.5, null, "tf-lite-readme")),
        V2("v2-s", V2S, 384, 0.2, new(21.5e6, 8.4e9, 384, 83.9, null, "automl-readme", 21_458_488, 8.366, 384)),
        V2("v2-m", V2M, 480, 0.3, new(54.1e6, 24.7e9, 480, 85.2, null, "automl-readme", 54_139_356, 24.582, 480)),
        V2("v2-l", V2L, 480, 0.4, new(119.5e6, 56.3e9, 480, 85.7, null, "automl-readme", 118_515_272, 56.08, 480)),
    ];

    /// <summary>The variants a default benchmark covers.</summary>
    public static IEnumerable<ZooVariant> EfficientNetB => All.Where(v => v.Spec.Family == ModelFamily.EfficientNet);

    public static bool TryFind(string name, out ZooVariant variant)
    {
        string key = Normalise(name);
        variant = All.FirstOrDefault(v => v.Name == key)!;
        return variant is not null;
    }

    /// <exception cref="UnknownVariantException">The name is not a zoo variant.</exception>
    public static ZooVariant Find(string name) =>
        TryFind(name, out ZooVariant variant) ? variant : throw new UnknownVariantException(name);

    /// <summary>Accepts b0, B0, efficientnet-b0, efficientnet_b0, efficientnet-lite0, efficientnetv2-s, efficientnet_v2_s, ...</summary>
    private static string Normalise(string name)
    {
        string n = name.Trim().ToLowerInvariant().Replace('_', '-');
        foreach (string prefix in new[] { "efficientnetv2-", "efficientnet-v2-", "tf-efficientnet-", "efficientnet-" })
        {
            if (n.StartsWith(prefix, StringComparison.Ordinal))
            {
                n = (prefix.Contains("v2", StringComparison.Ordinal) ? "v2-" : string.Empty) + n[prefix.Length..];
                break;
            }
        }

        return n;
    }

    private static ZooVariant B(string name, double w, double d, int res, double dropout, PublishedFigures published) =>
        new(new VariantSpec(name, ModelFamily.EfficientNet, w, d, res, dropout, EfficientNetB0Stages), published);

    private static ZooVariant Lite(string name, double w, double d, int res, PublishedFigures published) =>
        new(new VariantSpec(name, ModelFamily.EfficientNetLite, w, d, res, 0.2, EfficientNetB0Stages), published);

    private static ZooVariant V2(string name, ImmutableArray<StageSpec> stages, int evalResolution, double dropout, PublishedFigures published) =>
        new(new VariantSpec(name, ModelFamily.EfficientNetV2, 1.0, 1.0, evalResolution, dropout, stages), published);
}
