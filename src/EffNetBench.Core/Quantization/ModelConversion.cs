using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Quantization;

/// <summary>A case's (or an evaluation's) model in a lower precision: converted through the model cache, summarised
/// for the results, and copied into the run folder so the folder holds what was measured.</summary>
public static class ModelConversion
{
    public const string RunModelsFolder = "models";

    /// <summary>The options the converter gets for <paramref name="precision"/> under <paramref name="settings"/>.</summary>
    public static ConversionOptions Options(Precision precision, PrecisionSettings? settings, string provider)
    {
        PrecisionSettings given = settings ?? DefaultSettings(PrecisionNames.Name(precision), 0);
        CalibrationSource? calibration = precision == Precision.Int8
            ? new CalibrationSource(given.CalibrationFolder, given.CalibrationImages, given.CalibrationSeed)
            : null;
        return new ConversionOptions(precision, calibration, given.CalibrationMethod, given.Percentile, provider);
    }

    /// <summary>One precision with the default calibration (synthetic inputs, min-max).</summary>
    public static PrecisionSettings DefaultSettings(string precision, int seed) => new([precision], null,
        PrecisionSettings.DefaultCalibrationImages, PrecisionSettings.DefaultMethod, PrecisionSettings.DefaultPercentile, seed);

    /// <param name="runFolder">Where the converted model is copied (into "models/"), or null for no copy.</param>
    public static (string Path, ConversionSummary Summary) Prepare(ModelCache cache, IModelConverter converter, string sourcePath,
        string displayName, ConversionOptions options, string? runFolder)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Precision == Precision.Fp32)
        {
            throw new ArgumentException("fp32 is the source precision: nothing to convert", nameof(options));
        }

        ConvertedModel converted = cache.GetOrConvert(sourcePath, options, converter);
        string? copy = runFolder is null ? null : CopyInto(runFolder, displayName, converted);
        return (converted.Path, Summarise(converted, options, copy));
    }

    public static ConversionSummary Summarise(ConvertedModel converted, ConversionOptions options, string? file)
    {
        ArgumentNullException.ThrowIfNull(converted);
        ArgumentNullException.ThrowIfNull(options);
        ConversionReport report = converted.Report;
        ImmutableArray<string> kept = [.. report.KeptFloat.GroupBy(k => (k.OpType, k.Reason))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.OpType, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.OpType} x{g.Count()} ({g.Key.Reason})"))];
        bool synthetic = options.Precision == Precision.Int8 && options.Calibration?.ImageFolder is null;
        return new ConversionSummary(PrecisionNames.Name(options.Precision), converted.SourceSha256, report.ConvertedNodes,
            report.KeptFloat.Length, kept, report.CalibrationDescription, synthetic, report.Seconds, file);
    }

    /// <summary>The run folder's copy, "models/&lt;name&gt;-&lt;cache file name&gt;"; null when it cannot be written (the
    /// cached file is still what was measured, and its path is recorded).</summary>
    private static string? CopyInto(string runFolder, string displayName, ConvertedModel converted)
    {
        string target = Path.Combine(runFolder, RunModelsFolder, $"{Sanitise(displayName)}-{Path.GetFileName(converted.Path)}");
        try
        {
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                string temporary = target + ".tmp";
                File.Copy(converted.Path, temporary, overwrite: true);
                File.Move(temporary, target, overwrite: true);
            }

            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Sanitise(string name) =>
        new([.. name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' || char.IsWhiteSpace(c) ? '-' : c)]);
}
