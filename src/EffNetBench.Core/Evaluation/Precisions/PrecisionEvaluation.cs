using System.Collections.Immutable;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Evaluation.Precisions;

/// <summary>
/// `eval --precision fp32,int8`: the model in each precision (converted through the model cache) evaluated on the same
/// images with the same preprocessing, every image's outputs kept, then each lower precision compared with fp32
/// image by image (<see cref="PrecisionComparison"/>).
/// </summary>
public static class PrecisionEvaluation
{
    /// <param name="evaluate">Runs one evaluation (<see cref="Evaluator.Execute"/> with progress; a fake in tests); the
    /// second argument names the precision for progress.</param>
    /// <param name="outputFolder">Where converted models are copied ("models/"), or null.</param>
    /// <returns>The result of the first precision (fp32 when asked for), carrying every precision's figures and the comparisons.</returns>
    public static EvaluationResult Run(EvaluationRequest request, PrecisionSettings settings, IModelConverter converter, ModelCache cache,
        string? outputFolder, Func<EvaluationRequest, string, EvaluationResult> evaluate)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(evaluate);

        // fp32 first: it is the baseline every other precision is compared with.
        ImmutableArray<string> order = [.. settings.Precisions.Distinct().OrderBy(p => p == PrecisionNames.Fp32 ? 0 : 1)];
        // Every conversion before any evaluation: a precision that cannot be made stops the command before a long pass.
        var models = new List<(string Precision, string Path, ConversionSummary? Conversion)>();
        foreach (string name in order)
        {
            Quantization.Precision precision = PrecisionNames.Parse(name);
            if (precision == Quantization.Precision.Fp32)
            {
                models.Add((name, request.ModelPath, null));
                continue;
            }

            (string path, ConversionSummary conversion) = ModelConversion.Prepare(cache, converter, request.ModelPath, request.ModelName,
                ModelConversion.Options(precision, settings, ExecutionProviders.Name(request.Provider)) with { Preprocessing = request.Preprocessing },
                outputFolder);
            models.Add((name, path, conversion));
        }

        var runs = new List<(string Precision, EvaluationResult Result, ImageScores Scores, ConversionSummary? Conversion)>();
        foreach ((string name, string path, ConversionSummary? conversion) in models)
        {
            var scores = new ImageScores();
            EvaluationResult result = evaluate(request with { ModelPath = path, OnScores = scores.Add }, name);
            runs.Add((name, result with { Precision = PrecisionNames.Recorded(PrecisionNames.Parse(name)) }, scores, conversion));
        }

        var fp32 = runs.FirstOrDefault(r => r.Precision == PrecisionNames.Fp32);
        ImmutableArray<PrecisionComparison> comparisons = fp32.Result is null ? []
            : [.. runs.Where(r => r.Precision != PrecisionNames.Fp32)
                .Select(r => PrecisionComparison.Compare(r.Precision, fp32.Scores, r.Scores, request.Dataset.Classes))];
        var report = new PrecisionReport(
            [.. runs.Select(r => new PrecisionRun(r.Precision, r.Result.Request.ModelPath, r.Result.Report.Images, r.Result.Report.Top1, r.Result.Report.Top5,
                r.Result.ImagesPerSecond, r.Conversion))],
            comparisons);
        return runs[0].Result with { Precisions = report };
    }
}
