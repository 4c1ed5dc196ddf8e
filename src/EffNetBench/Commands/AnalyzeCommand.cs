using System.CommandLine;
using EffNetBench.Core.Graph;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Zoo;
using Onnx;

namespace EffNetBench.Commands;

internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output)
    {
        var model = new Argument<string>("MODEL") { Description = "An .onnx file, or a zoo variant name (b0..b7, lite0..lite4, v2-s/m/l, custom)" };
        Option<string> format = CommonOptions.Format();
        var perNode = new Option<bool>("--per-node") { Description = "Also list every node's output shape, MACs, FLOPs and params" };
        var batch = new Option<long?>("--batch", "-b") { Description = "Value for a symbolic batch dimension (default 1)" };
        var command = new Command("analyze", "Shapes, parameters, MACs, FLOPs and activation memory of any ONNX model or zoo variant")
        {
            model, format, perNode, batch, CommonOptions.Resolution, CommonOptions.Width, CommonOptions.Depth, CommonOptions.Phi,
        };
        command.SetAction(parse =>
        {
            OutputFormat f = CommonOptions.ParseFormat(parse.GetValue(format)!);
            long? batchSize = parse.GetValue(batch);
            if (batchSize is <= 0)
            {
                throw new UsageException($"--batch {batchSize} is not a batch size: use a positive number");
            }

            string target = parse.GetValue(model)!;
            (string label, ModelProto proto) = Load(target, parse);
            GraphAnalysis analysis = GraphAnalyzer.Analyze(proto, new AnalysisOptions(batchSize));
            output.Write(GraphAnalysisReport.Render(label, analysis, f, parse.GetValue(perNode)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static (string Label, ModelProto Model) Load(string target, ParseResult parse)
    {
        bool looksLikeFile = target.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || File.Exists(target)
            || target.Contains(Path.DirectorySeparatorChar);
        if (looksLikeFile)
        {
            return (target, OnnxModelFile.Load(target));
        }

        int? resolution = parse.GetValue(CommonOptions.Resolution);
        CommonOptions.CheckResolution(resolution);
        VariantSpec spec = CommonOptions.ResolveVariant(target, parse);

        // Counting needs only the structure: no weights are generated for a zoo variant.
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(spec, resolution);
        return ($"{arch.Name} (zoo, {arch.Resolution}x{arch.Resolution}, BN folded)", ZooStructure.Graph(arch));
    }
}
