using EffNetBench.Core.Zoo;

namespace EffNetBench.Tests.Zoo;

public sealed class ArchitectureCounterTests
{
    // torchvision's num_params (models/efficientnet.py weight metadata) counts exactly what TrainableParams counts.
    [Theory]
    [InlineData("b0", 5_288_548)]
    [InlineData("b1", 7_794_184)]
    [InlineData("b2", 9_109_994)]
    [InlineData("b3", 12_233_232)]
    [InlineData("b4", 19_341_616)]
    [InlineData("b5", 30_389_784)]
    [InlineData("b6", 43_040_704)]
    [InlineData("b7", 66_347_960)]
    [InlineData("v2-s", 21_458_488)]
    [InlineData("v2-m", 54_139_356)]
    [InlineData("v2-l", 118_515_272)]
    public void Trainable_params_equal_torchvision_exactly(string name, long expected) =>
        Assert.Equal(expected, Count(name).TrainableParams);

    // Paper Table 2 (params rounded to 2 significant figures there) and FLOPs (= MACs, rounded loosely).
    [Theory]
    [InlineData("b0", 5.3e6, 0.39e9)]
    [InlineData("b1", 7.8e6, 0.70e9)]
    [InlineData("b2", 9.2e6, 1.0e9)]
    [InlineData("b3", 12e6, 1.8e9)]
    [InlineData("b4", 19e6, 4.2e9)]
    [InlineData("b5", 30e6, 9.9e9)]
    [InlineData("b6", 43e6, 19e9)]
    [InlineData("b7", 66e6, 37e9)]
    public void Params_and_macs_agree_with_paper_table_2(string name, double paperParams, double paperMacs)
    {
        ArchitectureCount count = Count(name);
        AssertWithin(paperParams, count.TrainableParams, 0.02);
        AssertWithin(paperMacs, count.Macs, 0.06); // B4: paper 4.2B vs 4.39B counted by torchvision too
    }

    // torchvision's "_ops" weight metadata (GMACs to 3 decimals), at the resolution it was measured at: the tight check.
    [Theory]
    [InlineData("b0", 224, 0.386)]
    [InlineData("b1", 240, 0.687)]
    [InlineData("b2", 288, 1.088)]
    [InlineData("b3", 300, 1.827)]
    [InlineData("b4", 380, 4.394)]
    [InlineData("b5", 456, 10.266)]
    [InlineData("b6", 528, 19.068)]
    [InlineData("b7", 600, 37.746)]
    [InlineData("v2-s", 384, 8.366)]
    [InlineData("v2-m", 480, 24.582)]
    [InlineData("v2-l", 480, 56.080)]
    public void Macs_agree_with_torchvision_to_its_printed_precision(string name, int resolution, double gmacs)
    {
        long macs = ArchitectureCounter.Count(ArchitectureBuilder.Build(ZooCatalog.Find(name).Spec, resolution)).Macs;
        Assert.Equal(gmacs, Math.Round(macs / 1e9, 3));
    }

    [Theory]
    [InlineData("lite0", 4.7e6, 407e6)]
    [InlineData("lite1", 5.4e6, 631e6)]
    [InlineData("lite2", 6.1e6, 899e6)]
    [InlineData("lite3", 8.2e6, 1.44e9)]
    [InlineData("lite4", 13.0e6, 2.64e9)]
    public void Lite_agrees_with_its_readme(string name, double readmeParams, double readmeMadds)
    {
        ArchitectureCount count = Count(name);
        AssertWithin(readmeParams, count.TrainableParams, 0.03);
        // The README's MAdds run a few percent above conv + FC multiply-adds (reference, "EfficientNet-Lite").
        Assert.InRange(count.Macs, readmeMadds * 0.90, readmeMadds * 1.0);
    }

    [Theory]
    [InlineData("v2-s", 8.4e9)]
    [InlineData("v2-m", 24.7e9)]
    [InlineData("v2-l", 56.3e9)]
    public void V2_macs_agree_with_the_automl_readme(string name, double flops) =>
        AssertWithin(flops, Count(name).Macs, 0.02);

    [Fact]
    public void Tiny_custom_network_counts_by_hand()
    {
        // w = 0.25, d = 0.1, r = 32: stem round_filters(32 * 0.25) = 8, every stage one block; head 320.
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(VariantSpec.Custom(0.25, 0.1, 32));
        Assert.Equal(8, arch.StemChannels);
        Assert.Equal("8,8,16,24,32,48,80", string.Join(",", arch.Blocks.Select(b => b.OutChannels)));
        // Stem on 16x16: 16*16*8*27 = 55,296 MACs, 8*27 + 2*8 = 232 params.
        // Block 1 (8 -> 8, e1, k3, s1, se 2) at 16x16: dw 16*16*8*9 = 18,432; SE 2*8*2 = 32; project 16*16*8*8 = 16,384.
        //   params: dw 72 + 16, SE 2*8*2 + 2 + 8 = 42, project 64 + 16 -> 210.
        long stemAndBlock1Macs = 55_296 + 18_432 + 32 + 16_384;
        long stemAndBlock1Params = 232 + 210;
        var firstTwo = arch with { Blocks = [arch.Blocks[0]], HeadChannels = 16, NumClasses = 10 };
        // Head: 16*16*16*8 = 32,768 MACs, 8*16 + 32 params; classifier 16*10 MACs, 170 params.
        ArchitectureCount count = ArchitectureCounter.Count(firstTwo);
        Assert.Equal(stemAndBlock1Macs + 32_768 + 160, count.Macs);
        Assert.Equal(stemAndBlock1Params + 160 + 170, count.TrainableParams);
        Assert.Equal(8 + 8 + 8 + 16, count.BatchNormChannels); // stem, dw, project, head
    }

    private static ArchitectureCount Count(string name) =>
        ArchitectureCounter.Count(ArchitectureBuilder.Build(ZooCatalog.Find(name).Spec));

    private static void AssertWithin(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * expected,
            $"expected {expected:G4} within {relative:P0}, got {actual:G6}");
}
