using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Benchmarking;

/// <summary>Case ids are how --resume matches finished cases (and name each case's bdn folder), so two planned cases
/// must never share one.</summary>
public sealed class RunPlannerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Two_files_with_one_name_are_told_apart()
    {
        string a = TinyModel(Path.Combine("a", "model"), width: 0.25);
        string b = TinyModel(Path.Combine("b", "model"), width: 0.3);

        var plan = RunPlanner.Plan(Settings([], [a, b], batches: [1, 2]));

        Assert.Equal(["model-r32/cpu/b1/tdefault", "model-r32/cpu/b2/tdefault", "model-2-r32/cpu/b1/tdefault", "model-2-r32/cpu/b2/tdefault"],
            plan.Select(c => c.Id));
        Assert.Equal([a, a, b, b], plan.Select(c => c.Model.File));
        Assert.Equal(["model", "model", "model-2", "model-2"], plan.Select(c => c.Model.Name));
    }

    [Fact]
    public void A_file_named_like_a_zoo_variant_in_the_same_run_is_told_apart()
    {
        string file = TinyModel("b0", width: 0.25);

        var plan = RunPlanner.Plan(Settings(["b0"], [file]));

        Assert.Equal(["b0-r224/cpu/b1/tdefault", "b0-2-r32/cpu/b1/tdefault"], plan.Select(c => c.Id));
    }

    [Fact]
    public void Settings_that_would_plan_one_id_twice_are_refused_before_anything_runs()
    {
        var e = Assert.Throws<ArgumentException>(() => RunPlanner.Plan(Settings([], [TinyModel("tiny")], batches: [1, 1])));

        Assert.Equal("two planned cases share the id 'tiny-r32/cpu/b1/tdefault': list each batch, thread count and model once", e.Message);
    }

    [Fact]
    public void A_fixed_batch_file_is_planned_at_other_batches_as_skipped_with_the_reason()
    {
        var plan = RunPlanner.Plan(Settings([], [TinyModel("fixed1", batch: 1)], batches: [1, 2]));

        Assert.Null(plan[0].SkipReason);
        Assert.Equal("the model's batch dimension is fixed at 1: run it with --batch 1, or export it with a dynamic batch", plan[1].SkipReason);
    }

    [Fact]
    public void Precisions_are_planned_per_model_with_fp32_ids_unchanged_and_the_precision_on_the_model()
    {
        RunSettings settings = Settings(["b0"], [TinyModel("tiny")]) with
        {
            Precision = new PrecisionSettings(["fp32", "int8"], null, 100, "min-max", 99.999, 0),
        };

        var plan = RunPlanner.Plan(settings);

        Assert.Equal(["b0-r224/cpu/b1/tdefault", "b0-r224/int8/cpu/b1/tdefault", "tiny-r32/cpu/b1/tdefault", "tiny-r32/int8/cpu/b1/tdefault"], plan.Select(c => c.Id));
        Assert.Equal([null, "int8", null, "int8"], plan.Select(c => c.Model.Precision));
        Assert.All(plan, c => Assert.Null(c.SkipReason));

        // The converted graph's weight bytes are unknown before conversion; never the fp32 figure under an int8 label.
        Assert.NotNull(plan[0].WeightBytes);
        Assert.Null(plan[1].WeightBytes);
    }

    [Fact]
    public void A_precision_the_provider_cannot_run_is_planned_as_skipped_with_the_reason()
    {
        RunSettings settings = Settings(["b0"], []) with
        {
            Providers = ["cpu", "cuda"],
            Precision = new PrecisionSettings(["int8-dynamic"], null, 100, "min-max", 99.999, 0),
        };

        var plan = RunPlanner.Plan(settings);

        Assert.Equal(["b0-r224/int8-dynamic/cpu/b1/tdefault", "b0-r224/int8-dynamic/cuda/b1/tdefault"], plan.Select(c => c.Id));
        Assert.Null(plan[0].SkipReason);
        Assert.StartsWith("int8-dynamic runs its ConvInteger/DynamicQuantizeLinear nodes on the CPU provider only, and CUDA sessions disable CPU fallback", plan[1].SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void End_to_end_is_planned_for_the_fp32_model_only()
    {
        RunSettings settings = Settings(["b0"], []) with
        {
            EndToEndImage = _temp.File("cat.png"),
            Precision = new PrecisionSettings(["fp32", "fp16"], null, 100, "min-max", 99.999, 0),
        };

        Assert.Equal(["b0-r224/cpu/b1/tdefault", "b0-r224/cpu/b1/tdefault/e2e", "b0-r224/fp16/cpu/b1/tdefault"], RunPlanner.Plan(settings).Select(c => c.Id));
    }

    [Fact]
    public void An_ab_run_gives_each_arm_its_precision()
    {
        RunSettings settings = Settings([], []) with
        {
            Ab = new AbSettings(["b0"], ["b0"], null, null) { CandidatePrecision = "int8" },
            Precision = new PrecisionSettings(["fp32", "int8"], null, 64, "entropy", 99.999, 0),
        };

        var plan = RunPlanner.Plan(settings);

        Assert.Equal(["baseline/b0-r224/cpu/b1/tdefault", "candidate/b0-r224/int8/cpu/b1/tdefault"], plan.Select(c => c.Id));
        Assert.Equal(plan[0].Group, plan[1].Group);
        Assert.Equal([null, "int8"], plan.Select(c => c.Model.Precision));
    }

    private RunSettings Settings(string[] variants, string[] models, int[]? batches = null) =>
        new([.. variants], [.. models], ["cpu"], [.. batches ?? [1]], [null], "quick", 42, _temp.File("out"), null);

    private string TinyModel(string name, double width, int? batch = null)
    {
        string path = _temp.File(name + ".onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        EfficientNetOnnx.Save(EfficientNetOnnx.Build(VariantSpec.Custom(width, 0.1, 32), new ExportOptions(Batch: batch)), path);
        return path;
    }

    private string TinyModel(string name, int? batch = null) => TinyModel(name, 0.25, batch);
}
