using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Graph;
using EffNetBench.Core.Results;
using Google.Protobuf;

namespace EffNetBench.Core.Benchmarking.EndToEnd;

/// <summary>
/// Measures an end-to-end case: the model with <see cref="PreprocessingGraph"/> in front, one session whose measured
/// call is a single Run on the preloaded encoded image, timed by the same harness as the model-only case.
/// </summary>
internal static class EndToEndCase
{
    /// <summary>The transform of the model: the zoo variant's own, or for a file eval's defaults (b0's ImageNet transform,
    /// bicubic, crop 0.875), whose resolution and layout <see cref="PreprocessingGraph.Compose"/> then takes from the model.</summary>
    public static Preprocessing PreprocessingFor(PlannedCase planned) =>
        planned.Architecture is not null ? Preprocessing.ForZooVariant(planned.Model.Name) : Preprocessing.ForZooVariant("b0");

    /// <summary>The end_to_end record of a case that was not measured (skipped or failed).</summary>
    public static EndToEndInfo NotMeasured(PlannedCase planned, string image, byte[]? bytes) =>
        new(image, bytes?.LongLength ?? Length(image), null, null, planned.EndToEndOf!, null, null, null, null, EndToEndInfo.Sha256(bytes));

    /// <exception cref="EndToEndUnavailableException">The model cannot take the preprocessing graph (not an image classifier
    /// input this tool can feed) or the extension ops cannot be registered.</exception>
    public static CaseResult Measure(PlannedCase planned, string modelPath, EndToEndImage image, CaseResult? modelCase, BenchmarkPreset preset,
        RunRequest request, string artifactsDirectory)
    {
        byte[] bytes = image.Bytes ?? throw new InvalidOperationException("the end-to-end image was not read");
        Preprocessing defaults = PreprocessingFor(planned);
        byte[] composed;
        Preprocessing applied;
        try
        {
            Onnx.ModelProto model = OnnxModelFile.Load(modelPath);
            PreprocessingGraph.ImageInput input = PreprocessingGraph.FindImageInput(model);
            applied = defaults with { Resolution = input.Resolution, Layout = input.Layout };
            composed = PreprocessingGraph.Compose(model, defaults).ToByteArray();
        }
        catch (NotSupportedException e)
        {
            throw new EndToEndUnavailableException($"end-to-end cannot feed this model: {e.Message}", e);
        }

        var given = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [PreprocessingGraph.InputName] = bytes };
        CaseResult measured = CaseRunner.Measure(planned, (options, _) =>
        {
            OrtExtensions.Register(options);
            return InferenceRunner.Create(composed, options, planned.Batch, given);
        }, preset, request, artifactsDirectory);

        double? modelMedian = modelCase is { Status: CaseStatus.Ok, LatencyMs: { } latency } ? latency.Median : null;
        double median = measured.LatencyMs!.Median;
        double? preprocessing = median - modelMedian;
        double? share = preprocessing is double ms ? Math.Clamp(ms / median, 0, 1) : null;
        return measured with
        {
            EndToEnd = new EndToEndInfo(image.Path, bytes.LongLength, image.Width, image.Height, planned.EndToEndOf!,
                PreprocessingGraph.Describe(applied), modelMedian, preprocessing, share, EndToEndInfo.Sha256(bytes)),
        };
    }

    private static long? Length(string path)
    {
        try
        {
            return File.Exists(path) ? new FileInfo(path).Length : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
