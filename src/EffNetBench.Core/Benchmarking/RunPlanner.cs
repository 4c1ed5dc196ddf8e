using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Graph;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Expands run settings into cases: models (zoo variants, then files) x providers x batches x threads.</summary>
public static class RunPlanner
{
    public static ImmutableArray<PlannedCase> Plan(RunSettings settings)
    {
        var providers = settings.Providers.Select(ParseProvider).ToList();
        var cases = ImmutableArray.CreateBuilder<PlannedCase>();
        foreach (string variant in settings.Variants)
        {
            EfficientNetArchitecture arch = ArchitectureBuilder.Build(ZooCatalog.Find(variant).Spec);
            ArchitectureCount count = ArchitectureCounter.Count(arch);

            // FLOPs and weight bytes from the structure of the graph that will run (BN folded); no weights generated here.
            GraphAnalysis analysis = ZooStructure.Analyze(arch);
            var model = new ModelInfo(arch.Name, ModelSource.Zoo, null, arch.Resolution, count.TrainableParams, count.Macs, analysis.Flops);
            Expand(cases, model, arch, analysis.WeightBytes, fixedBatch: null, providers, settings);
        }

        var names = settings.Variants.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (string file in settings.Models)
        {
            (ModelInfo model, long weightBytes, long? fixedBatch) = DescribeFile(file);

            // Two files with one name (a/m.onnx, b/m.onnx) must not share case ids, result lines or report folders.
            string name = model.Name;
            for (int n = 2; !names.Add(name); n++)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"{model.Name}-{n}");
            }

            Expand(cases, model with { Name = name }, null, weightBytes, fixedBatch, providers, settings);
        }

        ImmutableArray<PlannedCase> plan = cases.ToImmutable();
        string? repeated = plan.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        return repeated is null ? plan : throw new ArgumentException($"two planned cases share the id '{repeated}': list each batch, thread count and model once");
    }

    private static void Expand(ImmutableArray<PlannedCase>.Builder cases, ModelInfo model, EfficientNetArchitecture? arch,
        long weightBytes, long? fixedBatch, List<ExecutionProvider> providers, RunSettings settings)
    {
        foreach (ExecutionProvider provider in providers)
        {
            foreach (int batch in settings.Batches)
            {
                foreach (int? threads in settings.Threads)
                {
                    string name = ExecutionProviders.Name(provider);
                    string? skip = fixedBatch is long fixedSize && fixedSize != batch
                        ? string.Create(CultureInfo.InvariantCulture, $"the model's batch dimension is fixed at {fixedSize}: run it with --batch {fixedSize}, or export it with a dynamic batch")
                        : null;
                    var modelCase = new PlannedCase(CaseId.For(model.Name, model.Resolution, name, batch, threads), model, arch, provider,
                        batch, threads, weightBytes, skip);
                    cases.Add(modelCase);
                    if (settings.EndToEndImage is not null && batch == 1)
                    {
                        // Right after its model case, so the pair is measured back to back under the same conditions.
                        cases.Add(modelCase with
                        {
                            Id = CaseId.For(model.Name, model.Resolution, name, batch, threads, endToEnd: true),
                            SkipReason = skip ?? EndToEndSkip(provider),
                            EndToEndOf = modelCase.Id,
                        });
                    }
                }
            }
        }
    }

    /// <summary>
    /// DecodeImage is a CPU custom op, and sessions on other providers disable CPU fallback so that their figures can
    /// never silently be CPU figures; a GPU "end-to-end" number would need exactly that fallback, so it is not measured.
    /// </summary>
    internal static string? EndToEndSkip(ExecutionProvider provider) => provider == ExecutionProvider.Cpu
        ? null
        : $"end-to-end runs on cpu only: DecodeImage (onnxruntime-extensions) is a CPU op and {ExecutionProviders.DisplayName(provider)} sessions disable CPU fallback ({SessionFactory.DisableCpuFallbackKey}=1) so their figures are never CPU figures";

    /// <summary>Params, MACs and FLOPs per image of a user's model, from the analysis at batch 1.</summary>
    private static (ModelInfo Model, long WeightBytes, long? FixedBatch) DescribeFile(string file)
    {
        string path = Path.GetFullPath(file);
        Onnx.ModelProto proto = OnnxModelFile.Load(path);
        GraphAnalysis analysis = GraphAnalyzer.Analyze(proto, new AnalysisOptions(Batch: 1));
        GraphTensorInfo? image = analysis.Inputs.FirstOrDefault(i => i.Dims.Length == 4);
        int? resolution = image?.Layout switch
        {
            "NHWC" => (int?)image.Dims[1],
            _ => (int?)image?.Dims[2],
        };

        // A fixed first dimension is the batch the file was exported with; a symbolic one takes any batch.
        Onnx.ValueInfoProto? first = proto.Graph.Input.FirstOrDefault(i => proto.Graph.Initializer.All(t => t.Name != i.Name));
        var dim0 = first?.Type?.TensorType?.Shape?.Dim.FirstOrDefault();
        long? fixedBatch = dim0 is { DimValue: > 0 } && string.IsNullOrEmpty(dim0.DimParam) ? dim0.DimValue : null;
        long perImage = fixedBatch ?? 1;
        bool complete = analysis.IsComplete;
        var model = new ModelInfo(Path.GetFileNameWithoutExtension(path), ModelSource.File, path, resolution, analysis.Params,
            complete ? analysis.Macs / perImage : null, complete ? analysis.Flops / perImage : null);
        return (model, analysis.WeightBytes, fixedBatch);
    }

    private static ExecutionProvider ParseProvider(string name) =>
        ExecutionProviders.TryParse(name, out ExecutionProvider provider)
            ? provider
            : throw new ArgumentException($"unknown provider '{name}': use {string.Join(", ", ExecutionProviders.Names)}");
}
