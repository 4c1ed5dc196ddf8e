using System.Collections.Immutable;

namespace EffNetBench.Core.Zoo;

/// <summary>Applies compound scaling to a variant's baseline and lays out every block.</summary>
public static class ArchitectureBuilder
{
    public const int ImageNetClasses = 1000;

    /// <param name="resolution">Overrides the variant's native resolution (weights do not depend on it).</param>
    public static EfficientNetArchitecture Build(VariantSpec spec, int? resolution = null)
    {
        int res = resolution ?? spec.Resolution;
        if (res < 32 || res > 2048)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), res, "resolution must be in [32, 2048]");
        }

        return spec.Family switch
        {
            ModelFamily.EfficientNet => BuildV1(spec, res, lite: false),
            ModelFamily.EfficientNetLite => BuildV1(spec, res, lite: true),
            ModelFamily.EfficientNetV2 => BuildV2(spec, res),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Family, "unknown family"),
        };
    }

    private static EfficientNetArchitecture BuildV1(VariantSpec spec, int resolution, bool lite)
    {
        // Lite keeps the stem and head fixed, and does not scale the first and last stage's repeats.
        int stem = lite ? 32 : CompoundScaling.RoundFilters(32, spec.Width);
        int head = lite ? spec.HeadChannels : CompoundScaling.RoundFilters(spec.HeadChannels, spec.Width);
        var blocks = ImmutableArray.CreateBuilder<MbConvBlock>();
        int inChannels = stem;
        for (int s = 0; s < spec.Stages.Length; s++)
        {
            StageSpec stage = spec.Stages[s];
            int outChannels = CompoundScaling.RoundFilters(stage.OutChannels, spec.Width);
            bool keepRepeats = lite && (s == 0 || s == spec.Stages.Length - 1);
            int repeats = keepRepeats ? stage.Repeats : CompoundScaling.RoundRepeats(stage.Repeats, spec.Depth);
            AddStage(blocks, s + 1, stage, ref inChannels, outChannels, repeats, lite ? 0 : stage.SeRatio);
        }

        return new EfficientNetArchitecture(spec.Name, spec.Family, resolution, stem, blocks.ToImmutable(), head,
            ImageNetClasses, lite ? ActivationKind.Relu6 : ActivationKind.Silu, spec.Dropout);
    }

    private static EfficientNetArchitecture BuildV2(VariantSpec spec, int resolution)
    {
        int Round(int c) => CompoundScaling.RoundFilters(c, spec.Width, tenPercentRule: false);

        // V2's stem width is stage 1's input width, which equals its output (stage 1 has expand 1).
        int stem = Round(spec.Stages[0].OutChannels);
        var blocks = ImmutableArray.CreateBuilder<MbConvBlock>();
        int inChannels = stem;
        for (int s = 0; s < spec.Stages.Length; s++)
        {
            StageSpec stage = spec.Stages[s];
            int repeats = CompoundScaling.RoundRepeats(stage.Repeats, spec.Depth);
            AddStage(blocks, s + 1, stage, ref inChannels, Round(stage.OutChannels), repeats, stage.SeRatio);
        }

        return new EfficientNetArchitecture(spec.Name, spec.Family, resolution, stem, blocks.ToImmutable(),
            Round(spec.HeadChannels), ImageNetClasses, ActivationKind.Silu, spec.Dropout);
    }

    private static void AddStage(ImmutableArray<MbConvBlock>.Builder blocks, int stageNumber, StageSpec stage,
        ref int inChannels, int outChannels, int repeats, double seRatio)
    {
        for (int r = 0; r < repeats; r++)
        {
            // Only the first block has the stage's stride and input width.
            int blockIn = r == 0 ? inChannels : outChannels;
            int stride = r == 0 ? stage.Stride : 1;
            int se = seRatio > 0 ? Math.Max(1, (int)Math.Floor(blockIn * seRatio)) : 0;
            blocks.Add(new MbConvBlock(stageNumber, r, stage.Fused, blockIn, outChannels, stage.Expand, stage.Kernel, stride, se));
        }

        inChannels = outChannels;
    }
}
