namespace EffNetBench.Core.Quantization;

/// <summary>A build without a model converter: every conversion is refused with the reason, so a non-fp32 case is
/// skipped (never measured as fp32) and `eval` stops with one line.</summary>
public sealed class UnavailableModelConverter : IModelConverter
{
    public ConversionReport Convert(string inputPath, string outputPath, ConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new PrecisionUnavailableException(
            $"{PrecisionNames.Name(options.Precision)} needs the model converter (effnet-bench quantize), which this build does not include: use --precision fp32");
    }
}
