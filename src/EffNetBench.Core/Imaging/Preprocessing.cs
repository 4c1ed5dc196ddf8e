using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Imaging;

/// <summary>
/// How an image becomes a model input: resize the shorter side to <see cref="ResizeSize"/>, center-crop
/// <see cref="Resolution"/> square, x = byte * Scale / 255, then (x - Mean[c]) / Std[c].
/// </summary>
/// <param name="Mean">Per channel in RGB order (index 0 is red) whatever <paramref name="Channels"/> says, so that
/// <c>ForZooVariant(..) with { Channels = ChannelOrder.Bgr }</c> keeps each mean on its own colour.</param>
/// <param name="Std">Per channel in RGB order, like <paramref name="Mean"/>.</param>
/// <param name="Scale">1: bytes become [0, 1] before normalising; 255: they stay [0, 255].</param>
public sealed record Preprocessing(
    int Resolution,
    double CropPct,
    Interpolation Interpolation,
    float[] Mean,
    float[] Std,
    float Scale,
    ChannelOrder Channels,
    TensorLayout Layout)
{
    /// <summary>TF / timm crop_pct for B0..B7 (the TF EfficientNet reference implementation and timm's pretrained configs), = res / (res + 32) to 3 decimals.</summary>
    private static readonly double[] BCropPct = [0.875, 0.882, 0.890, 0.904, 0.922, 0.934, 0.942, 0.949];

    private static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>Floats per image: 3 x Resolution x Resolution.</summary>
    public int ElementCount => 3 * Resolution * Resolution;

    /// <summary>
    /// The shorter side before the crop: round(Resolution / CropPct). Rounding, not timm's floor, because the
    /// published crop_pct values are res / (res + 32) rounded to 3 decimals and rounding recovers TF's res + 32
    /// (B3: 300 / 0.904 = 331.86 -> 332 = 300 + 32).
    /// </summary>
    public int ResizeSize => ResizeFor(Resolution, CropPct);

    public static int ResizeFor(int resolution, double cropPct) =>
        (int)Math.Round(resolution / cropPct, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The ImageNet eval transform (torchvision's, timm's default, B0's): 224, crop 0.875, bicubic, ImageNet mean and
    /// std on [0, 1], RGB, NCHW. What eval and end-to-end assume for an ONNX file, which says nothing about its own; they
    /// then take resolution and layout from the model's input (<see cref="ImageInputShape.Fit"/>).
    /// </summary>
    public static Preprocessing ImageNetDefault() =>
        new(224, 0.875, Interpolation.Bicubic, [.. ImageNetMean], [.. ImageNetStd], 1f, ChannelOrder.Rgb, TensorLayout.Nchw);

    /// <summary>Zoo defaults (timm's pretrained configs of the TF ports). Zoo graphs are NCHW RGB.</summary>
    /// <exception cref="UnknownVariantException">The name is not a zoo variant.</exception>
    public static Preprocessing ForZooVariant(string variantName)
    {
        ZooVariant variant = ZooCatalog.Find(variantName);
        int res = variant.Spec.Resolution;
        return variant.Spec.Family switch
        {
            ModelFamily.EfficientNet => new Preprocessing(
                res, BCropPct[int.Parse(variant.Name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)],
                Interpolation.Bicubic, [.. ImageNetMean], [.. ImageNetStd], 1f, ChannelOrder.Rgb, TensorLayout.Nchw),
            // Lite's TF eval pipeline is EfficientNet's (bicubic, 0.875 crop) with (x - 127) / 128 on bytes.
            ModelFamily.EfficientNetLite => new Preprocessing(
                res, 0.875, Interpolation.Bicubic, [127f, 127f, 127f], [128f, 128f, 128f], 255f, ChannelOrder.Rgb, TensorLayout.Nchw),
            // automl V2 crops res / (res + 32) only below 320 px; the zoo's V2 eval sizes (384, 480) are not cropped.
            ModelFamily.EfficientNetV2 => new Preprocessing(
                res, res < 320 ? res / (res + 32.0) : 1.0, Interpolation.Bilinear, [128f, 128f, 128f], [128f, 128f, 128f], 255f,
                ChannelOrder.Rgb, TensorLayout.Nchw),
            _ => throw new UnknownVariantException(variantName),
        };
    }

    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (Resolution < 1 || Resolution > 4096)
        {
            throw new ArgumentException(FormattableString.Invariant($"resolution {Resolution} must be in [1, 4096]"));
        }

        if (!(CropPct > 0) || CropPct > 1)
        {
            throw new ArgumentException(FormattableString.Invariant($"crop_pct {CropPct} must be in (0, 1]"));
        }

        if (Mean is not { Length: 3 } || Std is not { Length: 3 })
        {
            throw new ArgumentException("mean and std need exactly 3 values (R, G, B)");
        }

        if (Std.Any(s => !(s != 0) || !float.IsFinite(s)) || Mean.Any(m => !float.IsFinite(m)))
        {
            throw new ArgumentException("std values must be finite and non-zero, mean values finite");
        }

        if (!(Scale > 0) || !float.IsFinite(Scale))
        {
            throw new ArgumentException("scale must be positive (1 for [0, 1], 255 for [0, 255])");
        }
    }
}
