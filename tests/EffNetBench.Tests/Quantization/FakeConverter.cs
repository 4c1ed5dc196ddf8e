using System.Collections.Immutable;
using EffNetBench.Core.Quantization;

namespace EffNetBench.Tests.Quantization;

/// <summary>An <see cref="IModelConverter"/> without a quantizer: "converts" by copying the model (or by
/// <see cref="Write"/>), reports two kept-float nodes, and records every call.</summary>
internal sealed class FakeConverter : IModelConverter
{
    public List<(string Input, string Output, ConversionOptions Options)> Calls { get; } = [];

    /// <summary>Writes the output instead of a plain copy (e.g. a graph whose outputs differ).</summary>
    public Action<string, string, ConversionOptions>? Write { get; set; }

    public ConversionReport Convert(string inputPath, string outputPath, ConversionOptions options)
    {
        Calls.Add((inputPath, outputPath, options));
        if (Write is null)
        {
            File.Copy(inputPath, outputPath, overwrite: true);
        }
        else
        {
            Write(inputPath, outputPath, options);
        }

        string? calibration = options.Precision != Precision.Int8 ? null
            : options.Calibration?.ImageFolder is string folder ? $"{options.Method} over images of {folder}"
            : $"{options.Method} over synthetic inputs (no calibration images)";
        return new ConversionReport(options.Precision, 10,
            [new KeptFloatNode("softmax", "Softmax", "not quantizable"), new KeptFloatNode("sig1", "Sigmoid", "not quantizable"), new KeptFloatNode("sig2", "Sigmoid", "not quantizable")],
            calibration, 0.25);
    }
}
