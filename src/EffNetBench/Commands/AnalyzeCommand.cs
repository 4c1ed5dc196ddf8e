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
        var batch = OptionValues.Create("--batch", OptionValues.Optional(OptionValues.WholeNumber(1, int.MaxValue)), "Value for a symbolic batch dimension (default 1)", aliases: "-b");
        var command = new Command("analyze", "Shapes, parameters, MACs, FLOPs and activation memory of any ONNX model or zoo variant")
        {
            model, format, perNode, batch, CommonOptions.Resolution, CommonOptions.Width, CommonOptions.Depth, CommonOptions.Phi,
        };
        command.SetAction(parse =>
        {
            OutputFormat f = CommonOptions.ParseFormat(parse.GetValue(format)!);
            int? batchSize = parse.GetValue(batch);
            string target = parse.GetValue(model)!;
            (string label, ModelProto proto, AnalysisOptions options) = Load(target, batchSize, parse);
            GraphAnalysis analysis = GraphAnalyzer.Analyze(proto, options);
            output.Write(GraphAnalysisReport.Render(label, analysis, f, parse.GetValue(perNode)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static (string Label, ModelProto Model, AnalysisOptions Options) Load(string target, int? batch, ParseResult parse)
    {
        bool looksLikeFile = target.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || File.Exists(target) || Directory.Exists(target)
            || target.Contains(Path.DirectorySeparatorChar);
        if (looksLikeFile)
        {
            // A user's file: its symbolic batch (if any) is set to --batch or 1, and the report says so.
            return (target, OnnxModelFile.Load(target), new AnalysisOptions(batch));
        }

        int? resolution = parse.GetValue(CommonOptions.Resolution);
        VariantSpec spec = CommonOptions.ResolveVariant(target, parse);

        // Counting needs only the structure: no weights are generated for a zoo variant. Its graph is built at the batch
        // asked for (1 by default), so there is no symbolic batch the user never asked about to warn of.
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(spec, resolution);
        return ($"{arch.Name} (zoo, {arch.Resolution}x{arch.Resolution}, BN folded)", ZooStructure.Graph(arch, batch ?? 1), new AnalysisOptions());
    }
}
