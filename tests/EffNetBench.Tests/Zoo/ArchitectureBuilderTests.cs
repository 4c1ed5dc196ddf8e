using EffNetBench.Core.Zoo;

namespace EffNetBench.Tests.Zoo;

public sealed class ArchitectureBuilderTests
{
    // The "derived" columns of the reference's compound-scaling table.
    [Theory]
    [InlineData("b0", 32, "16,24,40,80,112,192,320", 1280, "1,2,2,3,3,4,1")]
    [InlineData("b1", 32, "16,24,40,80,112,192,320", 1280, "2,3,3,4,4,5,2")]
    [InlineData("b2", 32, "16,24,48,88,120,208,352", 1408, "2,3,3,4,4,5,2")]
    [InlineData("b3", 40, "24,32,48,96,136,232,384", 1536, "2,3,3,5,5,6,2")]
    [InlineData("b4", 48, "24,32,56,112,160,272,448", 1792, "2,4,4,6,6,8,2")]
    [InlineData("b5", 48, "24,40,64,128,176,304,512", 2048, "3,5,5,7,7,9,3")]
    [InlineData("b6", 56, "32,40,72,144,200,344,576", 2304, "3,6,6,8,8,11,3")]
    [InlineData("b7", 64, "32,48,80,160,224,384,640", 2560, "4,7,7,10,10,13,4")]
    [InlineData("lite0", 32, "16,24,40,80,112,192,320", 1280, "1,2,2,3,3,4,1")]
    [InlineData("lite1", 32, "16,24,40,80,112,192,320", 1280, "1,3,3,4,4,5,1")]
    [InlineData("lite4", 32, "24,32,56,112,160,272,448", 1280, "1,4,4,6,6,8,1")]
    public void Scaled_widths_and_repeats_match_the_reference(string name, int stem, string outs, int head, string repeats)
    {
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(ZooCatalog.Find(name).Spec);

        Assert.Equal(stem, arch.StemChannels);
        Assert.Equal(head, arch.HeadChannels);
        var stages = arch.Blocks.GroupBy(b => b.Stage).ToList();
        Assert.Equal(outs, string.Join(",", stages.Select(g => g.First().OutChannels)));
        Assert.Equal(repeats, string.Join(",", stages.Select(g => g.Count())));
    }

    [Fact]
    public void B0_block_details_follow_the_mbconv_rules()
    {
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(ZooCatalog.Find("b0").Spec);

        MbConvBlock first = arch.Blocks[0];
        Assert.Equal((32, 16, 1, 8), (first.InChannels, first.OutChannels, first.Expand, first.SeChannels)); // se = 32 * 0.25
        Assert.False(first.HasResidual); // 32 -> 16

        MbConvBlock stage2First = arch.Blocks[1];
        Assert.Equal((16, 24, 6, 2, 4), (stage2First.InChannels, stage2First.OutChannels, stage2First.Expand, stage2First.Stride, stage2First.SeChannels));
        MbConvBlock stage2Repeat = arch.Blocks[2];
        Assert.Equal((24, 24, 1, 6), (stage2Repeat.InChannels, stage2Repeat.OutChannels, stage2Repeat.Stride, stage2Repeat.SeChannels));
        Assert.True(stage2Repeat.HasResidual);
        Assert.Equal(16, arch.Blocks.Length);
    }

    [Fact]
    public void Lite_has_no_se_and_uses_relu6()
    {
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(ZooCatalog.Find("lite2").Spec);
        Assert.All(arch.Blocks, b => Assert.Equal(0, b.SeChannels));
        Assert.Equal(ActivationKind.Relu6, arch.Activation);
        Assert.Equal(32, arch.StemChannels);
    }

    [Fact]
    public void V2_S_starts_with_fused_stages_and_a_24_channel_stem()
    {
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(ZooCatalog.Find("v2-s").Spec);
        Assert.Equal(24, arch.StemChannels);
        Assert.Equal(384, arch.Resolution);
        Assert.Equal(2 + 4 + 4 + 6 + 9 + 15, arch.Blocks.Length);
        Assert.All(arch.Blocks.Where(b => b.Stage <= 3), b => Assert.True(b.Fused && b.SeChannels == 0));
        MbConvBlock firstMb = arch.Blocks.First(b => !b.Fused);
        Assert.Equal((64, 128, 4, 16), (firstMb.InChannels, firstMb.OutChannels, firstMb.Expand, firstMb.SeChannels));
        Assert.True(arch.Blocks[0].HasResidual); // F1 24 -> 24, stride 1
    }

    [Theory]
    [InlineData("efficientnet-b3", "b3")]
    [InlineData("EfficientNet_B7", "b7")]
    [InlineData("efficientnet-lite4", "lite4")]
    [InlineData("efficientnetv2-s", "v2-s")]
    [InlineData("efficientnet_v2_m", "v2-m")]
    [InlineData("V2-L", "v2-l")]
    public void Names_and_aliases_resolve(string input, string expected) =>
        Assert.Equal(expected, ZooCatalog.Find(input).Name);

    [Fact]
    public void Unknown_variant_error_lists_the_valid_names()
    {
        var ex = Assert.Throws<UnknownVariantException>(() => ZooCatalog.Find("b9"));
        Assert.Contains("'b9'", ex.Message);
        Assert.Contains("b0", ex.Message);
        Assert.Contains("v2-l", ex.Message);
    }

    [Fact]
    public void Custom_scaling_builds_a_valid_architecture()
    {
        (double w, double d, int r) = CompoundScaling.FromPhi(1);
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(VariantSpec.Custom(w, d, r));
        Assert.Equal(256, arch.Resolution);
        Assert.Equal("custom-w1.1-d1.2-r256", arch.Name);
        // phi = 1 has B2's width rounding (1.1) and B1-like depth 1.2: 40 -> 48 channels in stage 3.
        Assert.Equal(48, arch.Blocks.First(b => b.Stage == 3).OutChannels);
        Assert.Throws<ArgumentOutOfRangeException>(() => VariantSpec.Custom(0, 1, 224));
    }
}
