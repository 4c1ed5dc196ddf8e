using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Graph;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Expands run settings into cases: models (zoo variants, then files) x providers x batches x threads.</summary>
public static class RunPlanner
{
    public static ImmutableArray<PlannedCase> Plan(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ImmutableArray<PlannedCase> plan = settings.Ab is AbSettings ab ? PlanAb(settings, ab) : PlanModels(settings);
        string? repeated = plan.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        return repeated is null ? plan : throw new ArgumentException($"two planned cases share the id '{repeated}': list each batch, thread count and model once");
    }

    /// <summary>
    /// An A/B run: for pair i (baseline item i, candidate item i), each arm's cases as a plain run of that one model plans
    /// them, ids prefixed with the arm ("baseline/b0-r224/cpu/b1/tdefault"), each with its arm's ONNX Runtime library;
    /// the baseline and candidate case of the same provider, batch and threads form a group measured in ABBA order.
    /// </summary>
    private static ImmutableArray<PlannedCase> PlanAb(RunSettings settings, AbSettings ab)
    {
        if (ab.Baseline.Length != ab.Candidate.Length || ab.Baseline.IsEmpty)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"an A/B run pairs its arms by position: the baseline has {ab.Baseline.Length} models and the candidate {ab.Candidate.Length}; give lists of equal, non-zero length"));
        }

        var cases = ImmutableArray.CreateBuilder<PlannedCase>();
        for (int pair = 0; pair < ab.Baseline.Length; pair++)
        {
            ImmutableArray<PlannedCase> baseline = PlanArm(settings, ab.Baseline[pair], AbSettings.BaselineArm, ab.BaselineOrtLibrary, ab.BaselinePrecision);
            ImmutableArray<PlannedCase> candidate = PlanArm(settings, ab.Candidate[pair], AbSettings.CandidateArm, ab.CandidateOrtLibrary, ab.CandidatePrecision);
            for (int i = 0; i < baseline.Length; i++)
            {
                string group = string.Create(CultureInfo.InvariantCulture, $"pair{pair + 1}/{i}");
                cases.Add(baseline[i] with { Group = group });
                cases.Add(candidate[i] with { Group = group });
            }
        }

        return cases.ToImmutable();
    }

    private static ImmutableArray<PlannedCase> PlanArm(RunSettings settings, string item, string arm, string? ortLibrary, string? precision)
    {
        bool file = item.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || File.Exists(item);
        RunSettings one = settings with
        {
            Variants = file ? [] : [item],
            Models = file ? [item] : [],
            Ab = null,

            // Each arm in its one precision; the calibration options are the run's.
            Precision = precision is null ? null : (settings.Precision ?? ModelConversion.DefaultSettings(precision, settings.Seed)) with { Precisions = [precision] },
        };
        return [.. PlanModels(one).Select(c => c with { Id = arm + "/" + c.Id, Arm = arm, OrtLibrary = ortLibrary, EndToEndOf = c.EndToEndOf is string of ? arm + "/" + of : null })];
    }

    private static ImmutableArray<PlannedCase> PlanModels(RunSettings settings)
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

        return cases.ToImmutable();
    }

    /// <summary>The model's cases in each precision of `--precision` (fp32 only without it), fp32 first as given.</summary>
    private static void Expand(ImmutableArray<PlannedCase>.Builder cases, ModelInfo model, EfficientNetArchitecture? arch,
        long weightBytes, long? fixedBatch, List<ExecutionProvider> providers, RunSettings settings)
    {
        foreach (string name in settings.Precision?.Precisions ?? [PrecisionNames.Fp32])
        {
            Precision precision = PrecisionNames.Parse(name);
            if (precision == Precision.Fp32)
            {
                ExpandOne(cases, model, arch, weightBytes, fixedBatch, providers, settings, precision);
            }
            else
            {
                // The converted graph's weight bytes are not known before it is converted; MACs and FLOPs are the source's.
                ExpandOne(cases, model with { Precision = PrecisionNames.Recorded(precision) }, arch, null, fixedBatch, providers, settings, precision);
            }
        }
    }

    private static void ExpandOne(ImmutableArray<PlannedCase>.Builder cases, ModelInfo model, EfficientNetArchitecture? arch,
        long? weightBytes, long? fixedBatch, List<ExecutionProvider> providers, RunSettings settings, Precision precision)
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
                        : PrecisionSupport.Problem(provider, precision);
                    var modelCase = new PlannedCase(CaseId.For(model.Name, model.Resolution, name, batch, threads, precision: model.Precision), model, arch, provider,
                        batch, threads, weightBytes, skip);
                    cases.Add(modelCase);

                    // End to end (image bytes to class) is planned for the fp32 model only.
                    if (settings.EndToEndImage is not null && batch == 1 && precision == Precision.Fp32)
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
