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
