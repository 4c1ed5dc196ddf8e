using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Evaluation.Leakage;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.Providers;

namespace EffNetBench.Core.Evaluation;

/// <summary>What `eval` was asked for, parsed but not yet resolved.</summary>
/// <param name="Model">An ONNX file or a zoo variant's name (<see cref="EvaluatedModel.Resolve"/>).</param>
/// <param name="Dataset">A dataset folder or CSV (<see cref="DatasetReader.Read"/>).</param>
/// <param name="Preprocessing">What the user set of the model's default preprocessing.</param>
/// <param name="TrainFolder">Training images to check the evaluated ones against for leakage, or null.</param>
public sealed record EvaluationSpec(
    string Model,
    string Dataset,
    string? ClassesFile = null,
    string? LabelsFile = null,
    int? Limit = null,
    PreprocessingOverrides? Preprocessing = null,
    int? Batch = null,
    ExecutionProvider Provider = ExecutionProvider.Cpu,
    int? Threads = null,
    double MaxBadFraction = EvaluationRequest.DefaultMaxBadFraction,
    ulong Seed = Zoo.ExportOptions.DefaultSeed,
    string? CacheDirectory = null,
    string? TrainFolder = null,
    int LeakThreshold = PerceptualHash.DefaultThreshold);

/// <summary>
/// An evaluation ready to run: the model resolved (a zoo variant generated), the preprocessing its defaults with the
/// user's fields, the dataset read, and the training folder checked. Everything that can be refused is refused here,
/// before a long evaluation starts.
/// </summary>
/// <param name="Leakage">The leakage check against the training folder (after the evaluation), or null.</param>
public sealed record EvaluationPlan(EvaluationRequest Request, LeakageRequest? Leakage)
{
    /// <summary>Where the reports go unless the user says: ./eval-&lt;model name&gt;.</summary>
    public string DefaultOutputFolder => System.IO.Path.Combine(".", "eval-" + Request.ModelName);

    /// <exception cref="OnnxModels.ModelLoadException">The model is neither an existing file nor a zoo variant.</exception>
    /// <exception cref="EvaluationException">The dataset cannot be read.</exception>
    /// <exception cref="DatasetException">The training folder is missing, holds no images or shares images with the
    /// evaluated set (<see cref="LeakageRequest.AgainstDataset"/>).</exception>
    public static EvaluationPlan Create(EvaluationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        EvaluatedModel model = EvaluatedModel.Resolve(spec.Model, spec.CacheDirectory, spec.Seed);
        PreprocessingOverrides overrides = spec.Preprocessing ?? PreprocessingOverrides.None;

        // A dataset path that is missing or the wrong kind is bad usage, contents that cannot be read a failure: the
        // DatasetException says which.
        Dataset data = DatasetReader.Read(spec.Dataset, spec.ClassesFile, spec.LabelsFile, spec.Limit);

        // The evaluated images (after the limit) against every training image.
        LeakageRequest? leakage = spec.TrainFolder is string train ? LeakageRequest.AgainstDataset(train, data, spec.LeakThreshold) : null;
        var request = new EvaluationRequest(model.Path, model.Name, model.SyntheticWeights, data, overrides.ApplyTo(model.Preprocessing),
            ResolutionFromModel: model.IsFile && overrides.Resolution is null,
            LayoutFromModel: overrides.Layout is null,
            spec.Batch, spec.Provider, spec.Threads, new ProviderSettings(), spec.MaxBadFraction);
        return new EvaluationPlan(request, leakage);
    }
}
