using EffNetBench.Core.Zoo;
using Xunit.Abstractions;

namespace EffNetBench.IntegrationTests.Zoo;

public sealed class ActivationMagnitudeTests(ITestOutputHelper output)
{
    // Every block's output must be finite and of ordinary magnitude: a benchmark on NaNs or denormals measures
    // the wrong thing. Checked at a reduced resolution (weights do not depend on it) so the test stays fast; one
    // variant of each family here, the deepest and widest ones (hundreds of MB of weights to generate and load) below.
    [Theory]
    [InlineData("b0")]
    [InlineData("b3")]
    [InlineData("lite4")]
    [InlineData("v2-s")]
    public void Every_block_output_is_finite_and_of_ordinary_magnitude(string name) =>
        AssertOrdinaryMagnitudes(ZooCatalog.Find(name).Spec, 128, batch: 2);

    // The same at the native resolution, where the benchmark runs, for the largest variants and a custom scaling
    // beyond them (width 2.5, depth 3.6, whose native resolution is 128).
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("b7")]
    [InlineData("v2-l")]
    [InlineData("lite4")]
    [InlineData("custom")]
    public void Every_block_output_is_ordinary_at_native_resolution(string name)
    {
        VariantSpec spec = name == "custom" ? VariantSpec.Custom(2.5, 3.6, 128) : ZooCatalog.Find(name).Spec;
        AssertOrdinaryMagnitudes(spec, spec.Resolution, batch: 1);
    }

    private void AssertOrdinaryMagnitudes(VariantSpec spec, int resolution, int batch)
    {
        var model = EfficientNetOnnx.Build(spec, new ExportOptions(Batch: batch, Resolution: resolution, ExposeBlockOutputs: true));

        var outputs = ZooOrt.Run(model, batch, resolution);

        foreach ((string tensor, (int[] _, float[] values)) in outputs)
        {
            (double mean, double std, double maxAbs) = ZooOrt.Stats(values);
            output.WriteLine(FormattableString.Invariant($"{tensor,-28} mean {mean,8:F3} std {std,8:F3} max|x| {maxAbs,9:F3}"));
            Assert.All(values, v => Assert.True(float.IsFinite(v), $"{tensor} has a non-finite value"));
            Assert.InRange(std, 0.05, 20);
            Assert.InRange(maxAbs, 0.1, 500);
        }
    }
}
