using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Commands;

internal static class ExportCommand
{
    public static Command Create(TextWriter output)
    {
        var variant = new Argument<string>("VARIANT") { Description = "b0..b7, lite0..lite4, v2-s, v2-m, v2-l (efficientnet-b0 etc. too), or 'custom'" };
        var file = new Option<string?>("--output", "-o") { Description = "Where to write the model (default: <name>-r<resolution>-b<batch>.onnx)" }.OutputFile("an ONNX file");
        ValueKind<int?> batchKind = OptionValues.OrKeyword(OptionValues.WholeNumber(1, 4096), "dynamic");
        var batch = OptionValues.Checked("--batch", batchKind, "Batch size: a number, or 'dynamic' for a symbolic batch dimension", "1", "-b");
        var seed = OptionValues.Create("--seed", OptionValues.Seed, "Seed of the synthetic weights (same seed, same bytes)", () => ExportOptions.DefaultSeed);
        var bn = new Option<string>("--bn") { Description = "BatchNormalization: 'fold' into conv biases (as deployed) or 'keep' as nodes", DefaultValueFactory = _ => "fold" };
        var command = new Command("export", "Generate a zoo model as an ONNX file (opset 17, NCHW float32, synthetic weights)")
        {
            variant, file, batch, CommonOptions.Resolution, seed, bn, CommonOptions.Width, CommonOptions.Depth, CommonOptions.Phi,
        };
        command.SetAction(parse =>
        {
            int? resolution = parse.GetValue(CommonOptions.Resolution);
            VariantSpec spec = CommonOptions.ResolveVariant(parse.GetValue(variant)!, parse);
            var options = new ExportOptions(OptionValues.Read(parse, batch, batchKind), resolution, parse.GetValue(seed), ParseBatchNorm(parse.GetValue(bn)!));
            EfficientNetArchitecture arch = ArchitectureBuilder.Build(spec, resolution);
            string stem = arch.Name.EndsWith(FormattableString.Invariant($"-r{arch.Resolution}"), StringComparison.Ordinal)
                ? arch.Name
                : FormattableString.Invariant($"{arch.Name}-r{arch.Resolution}");
            string path = parse.GetValue(file) ?? $"{stem}-b{options.Batch?.ToString(CultureInfo.InvariantCulture) ?? "dynamic"}.onnx";

            var watch = Stopwatch.StartNew();
            var model = EfficientNetOnnx.Build(arch, options);
            double buildSeconds = watch.Elapsed.TotalSeconds;
            EfficientNetOnnx.Save(model, path);
            double totalSeconds = watch.Elapsed.TotalSeconds;

            ArchitectureCount count = ArchitectureCounter.Count(arch);
            long graphParams = options.BatchNorm == BatchNormMode.Fold ? count.FoldedGraphParams : count.KeptGraphParams;
            output.WriteLine(FormattableString.Invariant(
                $"wrote {path}: {new FileInfo(path).Length / 1048576.0:0.0} MiB, {arch.Name} at {arch.Resolution}x{arch.Resolution}, batch {options.Batch?.ToString(CultureInfo.InvariantCulture) ?? "dynamic"}, BN {options.BatchNorm.ToString().ToLowerInvariant()}, seed {options.Seed}"));
            output.WriteLine(FormattableString.Invariant(
                $"  {count.TrainableParams} trainable params ({graphParams} graph initializer elements), {count.Macs / 1e9:0.000} GMACs; built in {buildSeconds:0.00} s, written in {totalSeconds - buildSeconds:0.00} s"));
            output.WriteLine("  weights are synthetic (deterministic, not trained): use it for speed and memory, not accuracy");
            return ExitCodes.Success;
        });
        return command;
    }

    private static BatchNormMode ParseBatchNorm(string value) => value.ToLowerInvariant() switch
    {
        "fold" => BatchNormMode.Fold,
        "keep" => BatchNormMode.Keep,
        _ => throw new UsageException($"--bn '{value}' is not a mode: use fold or keep"),
    };
}
