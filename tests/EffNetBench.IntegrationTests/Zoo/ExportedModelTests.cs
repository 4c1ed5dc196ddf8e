using EffNetBench.Core.Zoo;
using Google.Protobuf;

namespace EffNetBench.IntegrationTests.Zoo;

public sealed class ExportedModelTests
{
    // At the native resolution; batch 2 once (a fixed batch above 1 comes out as [2, 1000]), batch 1 for the rest.
    [Theory]
    [InlineData("b0", 2)]
    [InlineData("b1", 1)]
    [InlineData("b2", 1)]
    [InlineData("b3", 1)]
    [InlineData("b4", 1)]
    [InlineData("lite0", 1)]
    [InlineData("lite1", 1)]
    [InlineData("lite2", 1)]
    [InlineData("lite3", 1)]
    [InlineData("lite4", 1)]
    [InlineData("v2-s", 1)]
    public void Variant_runs_in_onnx_runtime_with_finite_logits(string name, int batch) => AssertRuns(name, batch);

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("b5")]
    [InlineData("b6")]
    [InlineData("b7")]
    [InlineData("v2-m")]
    [InlineData("v2-l")]
    public void Large_variant_runs_in_onnx_runtime_with_finite_logits(string name) => AssertRuns(name, batch: 1);

    [Fact]
    public void Folded_and_kept_batchnorm_compute_the_same_function()
    {
        VariantSpec spec = ZooCatalog.Find("b0").Spec;
        const int resolution = 96;
        float[] input = ZooOrt.RandomInput(1, resolution);
        float[] folded = ZooOrt.Run(EfficientNetOnnx.Build(spec, new ExportOptions(Resolution: resolution)), 1, resolution, input)[ExportOptions.OutputName].Values;
        float[] kept = ZooOrt.Run(EfficientNetOnnx.Build(spec, new ExportOptions(Resolution: resolution, BatchNorm: BatchNormMode.Keep)), 1, resolution, input)[ExportOptions.OutputName].Values;

        double scale = folded.Max(Math.Abs);
        for (int i = 0; i < folded.Length; i++)
        {
            Assert.True(Math.Abs(folded[i] - kept[i]) <= 1e-3 * scale, $"logit {i}: folded {folded[i]} vs kept {kept[i]}");
        }
    }

    [Fact]
    public void Dynamic_batch_model_accepts_any_batch()
    {
        var model = EfficientNetOnnx.Build(ZooCatalog.Find("lite0").Spec, new ExportOptions(Batch: null, Resolution: 64));
        Assert.Equal(ExportOptions.BatchDimension, model.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimParam);
        foreach (int batch in new[] { 1, 3 })
        {
            (int[] shape, float[] values) = ZooOrt.Run(model, batch, 64)[ExportOptions.OutputName];
            Assert.Equal([batch, 1000], shape);
            Assert.All(values, v => Assert.True(float.IsFinite(v)));
        }
    }

    [Fact]
    public void Same_seed_same_bytes_other_seed_other_weights()
    {
        VariantSpec spec = ZooCatalog.Find("b0").Spec;
        byte[] first = EfficientNetOnnx.Build(spec, new ExportOptions(Seed: 42)).ToByteArray();
        byte[] second = EfficientNetOnnx.Build(spec, new ExportOptions(Seed: 42)).ToByteArray();
        byte[] other = EfficientNetOnnx.Build(spec, new ExportOptions(Seed: 43)).ToByteArray();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    private static void AssertRuns(string name, int batch)
    {
        VariantSpec spec = ZooCatalog.Find(name).Spec;
        var model = EfficientNetOnnx.Build(spec, new ExportOptions(Batch: batch));

        (int[] shape, float[] values) = ZooOrt.Run(model, batch, spec.Resolution)[ExportOptions.OutputName];

        Assert.Equal([batch, 1000], shape);
        Assert.All(values, v => Assert.True(float.IsFinite(v), $"{name}: non-finite logit"));
        (_, double std, double maxAbs) = ZooOrt.Stats(values);
        Assert.InRange(std, 1e-3, 100);
        Assert.InRange(maxAbs, 1e-3, 1000);
    }
}
