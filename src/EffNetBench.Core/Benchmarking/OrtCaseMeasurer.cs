using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Benchmarking.Profiling;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Results;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Benchmarking;

/// <summary>The real <see cref="ICaseMeasurer"/> of one run: providers probed with ONNX Runtime, zoo models generated
/// into the model cache, cases measured by BenchmarkDotNet in-process (<see cref="CaseRunner"/>, <see cref="EndToEndCase"/>).</summary>
public sealed class OrtCaseMeasurer : ICaseMeasurer
{
    private readonly RunRequest _request;
    private readonly BenchmarkPreset _preset;
    private readonly ModelCache _cache;
    private readonly IModelConverter _converter;

    // Read and tried with DecodeImage once, at the first end-to-end case that is measured.
    private readonly Lazy<EndToEndImage>? _image;

    /// <param name="converter">Converts the models of non-fp32 cases; <see cref="ModelConverters.Default"/> when null.</param>
    public OrtCaseMeasurer(RunRequest request, IModelConverter? converter = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _converter = converter ?? ModelConverters.Default;
        _preset = BenchmarkPreset.Of(request.Settings).PerLaunch(BenchmarkPreset.LaunchesFor(request.Settings));
        _cache = ModelCache.ForPlatform(request.CacheDirectory);
        _image = request.Settings.EndToEndImage is string path ? new(() => EndToEndImage.Load(path)) : null;
    }

    public RuntimeInfo Runtime() => ProviderProbe.Runtime();

    public ProviderStatus Probe(ExecutionProvider provider) => ProviderProbe.Probe(provider, _request.ProviderSettings);

    public CaseResult Measure(PlannedCase planned, CaseResult? modelCase, string artifactsDirectory)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (planned.OrtLibrary is string wanted && LibraryMismatch(wanted, ProviderProbe.Runtime().LibraryPath) is string mismatch)
        {
            // In-process, only the library this process loaded can run; measuring it instead would be a silent lie.
            throw new InvalidOperationException(mismatch);
        }

        EndToEndImage? image = null;
        if (planned.EndToEndOf is not null)
        {
            // Before the model is generated: without the image or its decoder there is nothing to measure.
            image = _image?.Value ?? throw new InvalidOperationException($"{planned.Id} is an end-to-end case of a run without an image");
            if (image.Unavailable is string missing)
            {
                throw new EndToEndUnavailableException(missing);
            }
        }

        string path = planned.Architecture is { } arch
            ? _cache.GetOrCreate(arch, planned.Batch, (ulong)_request.Settings.Seed).Path
            : planned.Model.File!;
        Precision precision = PrecisionNames.Parse(planned.Model.Precision);
        ConversionSummary? conversion = null;
        if (precision != Precision.Fp32)
        {
            // Converted here, in the case's worker, where ONNX Runtime (which calibration runs on) is loaded anyway; the
            // parent never loads it. The cache makes this the first case of each (model, precision, options) only.
            (path, conversion) = ModelConversion.Prepare(_cache, _converter, path, planned.Model.Name,
                ModelConversion.Options(precision, _request.Settings.Precision, ExecutionProviders.Name(planned.Provider))
                    with { Preprocessing = planned.Architecture is not null ? Imaging.Preprocessing.ForZooVariant(planned.Model.Name) : null },
                _request.Settings.OutDir);
        }

        CaseResult result;
        try
        {
            result = image is null
                ? CaseRunner.Measure(planned, path, _preset, _request, artifactsDirectory)
                : EndToEndCase.Measure(planned, path, image, modelCase, _preset, _request, artifactsDirectory);
        }
        catch (OnnxRuntimeException e) when (precision != Precision.Fp32 && PrecisionSupport.IsMissingKernel(e.Message))
        {
            throw new PrecisionUnavailableException(
                $"{ExecutionProviders.DisplayName(planned.Provider)} cannot run the {PrecisionNames.Name(precision)} model: {e.Message.Split('\n')[0].TrimEnd('\r')}", e);
        }

        result = result with { Model = result.Model with { File = path }, Conversion = conversion };

        // After the timed samples and never during them; with several launches only in the last one.
        return _request.Settings.ProfileInferences is int inferences && image is null && planned.Launch == planned.LaunchCount
            && result.Status == CaseStatus.Ok && result.LatencyMs is { } latency
            ? result with { Profile = CaseProfiler.Profile(planned, path, _request, inferences, latency.Median, BenchmarkEngine.RunDirectoryOf(artifactsDirectory)) }
            : result;
    }

    /// <summary>Why a case asking for <paramref name="wanted"/> cannot be measured in a process that loaded
    /// <paramref name="loaded"/>; null when they are the same file.</summary>
    internal static string? LibraryMismatch(string wanted, string? loaded)
    {
        string want = Path.GetFullPath(wanted);
        string? have = loaded is null ? null : Path.GetFullPath(loaded);
        return have is not null && (string.Equals(want, have, StringComparison.Ordinal) || SameFile(want, have))
            ? null
            : $"the case asks for the ONNX Runtime library '{want}' but this process loaded '{have ?? "an unknown library"}', and the in-process measurer runs only the loaded one: measure each arm in its own process, or run with --ort-lib {want}";
    }

    private static bool SameFile(string a, string b)
    {
        try
        {
            FileSystemInfo? ta = new FileInfo(a).ResolveLinkTarget(returnFinalTarget: true);
            FileSystemInfo? tb = new FileInfo(b).ResolveLinkTarget(returnFinalTarget: true);
            return string.Equals(ta?.FullName ?? a, tb?.FullName ?? b, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
