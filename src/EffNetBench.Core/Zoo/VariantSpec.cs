using System.Collections.Immutable;

namespace EffNetBench.Core.Zoo;

/// <summary>A named point in the EfficientNet design space: a baseline and the coefficients that scale it.</summary>
public sealed record VariantSpec(
    string Name,
    ModelFamily Family,
    double Width,
    double Depth,
    int Resolution,
    double Dropout,
    ImmutableArray<StageSpec> Stages,
    int HeadChannels = 1280)
{
    /// <summary>A custom compound-scaled EfficientNet (B-family baseline) for exploring scaling on one's own hardware.</summary>
    public static VariantSpec Custom(double width, double depth, int resolution)
    {
        if (!(width > 0) || width > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "width must be in (0, 10]");
        }

        if (!(depth > 0) || depth > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth must be in (0, 10]");
        }

        if (resolution < 32 || resolution > 2048)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "resolution must be in [32, 2048]");
        }

        string name = FormattableString.Invariant($"custom-w{width:0.###}-d{depth:0.###}-r{resolution}");
        return new VariantSpec(name, ModelFamily.EfficientNet, width, depth, resolution, 0.2, ZooCatalog.EfficientNetB0Stages);
    }
}
